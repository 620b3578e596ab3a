/**
 * The C ABI of the native runtime ({@code rust-nostd/include/nsw.h}) as Java sees it: one method
 * per C function ({@link dev.nostdwasm.api.abi.NativeAbi}, generated from the header), its
 * constants ({@link dev.nostdwasm.api.abi.NswConstants}, generated) and what a provider adds
 * besides the C functions ({@link dev.nostdwasm.api.abi.NativeGlue}). Providers implement it;
 * the object model in {@code dev.nostdwasm.api.runtime} calls it. It depends on nothing else in
 * this module.
 */
package dev.nostdwasm.api.abi;
