/**
 * The provider on JNI (Java 17+): {@link dev.nostdwasm.jni.JniProvider}, and the C glue
 * ({@code libnsw_jni}) that implements {@link dev.nostdwasm.api.abi.NativeAbi} over
 * {@code rust-nostd/include/nsw.h}; its natives are generated from the header
 * ({@code JniNatives}, by {@code scripts/gen-abi.py}).
 */
package dev.nostdwasm.jni;
