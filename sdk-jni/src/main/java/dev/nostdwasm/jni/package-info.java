/**
 * The provider on JNI, C glue over rust-nostd/include/nsw.h (arrives with the Java SDK issue).
 */
package dev.nostdwasm.jni;
