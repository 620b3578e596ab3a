/**
 * The provider on the Foreign Function and Memory API: {@link dev.nostdwasm.ffm.FfmProvider}
 * (found as a service, loadable on Java 17) loads the natives and serves
 * {@link dev.nostdwasm.api.abi.NativeAbi} through downcalls generated from
 * {@code rust-nostd/include/nsw.h} ({@code FfmDowncalls}, by {@code scripts/gen-abi.py}). Not API.
 */
package dev.nostdwasm.ffm;
