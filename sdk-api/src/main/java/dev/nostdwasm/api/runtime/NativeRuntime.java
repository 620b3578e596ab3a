package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.spi.NativeAbi;

/** The runtime over a provider's binding. */
public final class NativeRuntime {
    private NativeRuntime() {
    }

    public static NoStdRuntime open(String provider, PlatformShim shim, NativeAbi abi) {
        throw new UnsupportedOperationException("object model not written yet");
    }
}
