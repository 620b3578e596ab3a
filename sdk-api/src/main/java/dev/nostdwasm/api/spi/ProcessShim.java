package dev.nostdwasm.api.spi;

import dev.nostdwasm.api.PlatformShim;
import dev.nostdwasm.api.PlatformShimException;

/**
 * Remembers which platform shim this process loaded. Signal handlers and the shim's symbols are
 * process-wide, so every provider claims its shim here before loading it.
 */
public final class ProcessShim {
    private static PlatformShim loaded;

    private ProcessShim() {}

    /**
     * Claims {@code shim} for this process: the first claim wins, asking again for the same shim
     * is fine.
     *
     * @param shim the shim the caller is about to load
     * @throws PlatformShimException when a different shim is already loaded
     */
    public static synchronized void claim(PlatformShim shim) {
        if (loaded == null) {
            loaded = shim;
        } else if (!loaded.equals(shim)) {
            throw new PlatformShimException("this process already loaded platform shim '" + loaded
                    + "'; a second shim ('" + shim + "') cannot be loaded beside it (signal handlers are "
                    + "process-wide): use one shim per process");
        }
    }

    /** {@return the shim this process loaded, or null} */
    public static synchronized PlatformShim loaded() {
        return loaded;
    }

    /** For tests of this class only. */
    static synchronized void reset() {
        loaded = null;
    }
}
