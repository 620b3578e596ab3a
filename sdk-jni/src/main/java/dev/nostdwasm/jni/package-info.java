/**
 * The provider on JNI (Java 17+): {@link dev.nostdwasm.jni.JniProvider}, and the C glue
 * ({@code libnsw_jni}) that implements {@link dev.nostdwasm.api.spi.NativeAbi} over
 * {@code rust-nostd/include/nsw.h}.
 */
package dev.nostdwasm.jni;
