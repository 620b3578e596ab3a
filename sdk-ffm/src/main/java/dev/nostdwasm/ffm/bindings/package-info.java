/**
 * Internal: Java FFM bindings of {@code rust-nostd/include/nsw.h} in jextract's shape
 * ({@link dev.nostdwasm.ffm.bindings.nsw_h} for functions and constants, one class per struct,
 * union and callback type). Written by hand; {@code HeaderDriftTest} keeps them equal to the
 * header and {@code sdk-ffm/scripts/regen-bindings.sh} runs jextract where it exists. Only the
 * FFM provider uses this package; it is not API.
 */
package dev.nostdwasm.ffm.bindings;
