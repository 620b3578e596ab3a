/**
 * The provider on the Foreign Function and Memory API: {@link dev.nostdwasm.ffm.FfmProvider}
 * (found as a service, loadable on Java 17) loads the natives and serves
 * {@link dev.nostdwasm.api.spi.NativeAbi} through downcalls over the bindings of
 * {@code rust-nostd/include/nsw.h} in {@code dev.nostdwasm.ffm.bindings}. Not API.
 */
package dev.nostdwasm.ffm;
