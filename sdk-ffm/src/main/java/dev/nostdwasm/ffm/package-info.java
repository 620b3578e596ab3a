/**
 * The provider on the Foreign Function and Memory API, bindings in jextract's shape over rust-nostd/include/nsw.h (arrives with the Java SDK issue).
 */
package dev.nostdwasm.ffm;
