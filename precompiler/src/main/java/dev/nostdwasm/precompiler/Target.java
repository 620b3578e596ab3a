package dev.nostdwasm.precompiler;

import java.util.Locale;

/** What an artifact's code is for: a CPU architecture, or Pulley bytecode (any CPU). */
public enum Target {
    /** Machine code for 64-bit x86 CPUs. */
    X86_64("x86_64"),
    /** Machine code for 64-bit ARM CPUs. */
    AARCH64("aarch64"),
    /** Wasmtime's Pulley bytecode, which its interpreter runs on any CPU (the {@code pulley} profile). */
    PULLEY64("pulley64");

    private final String cliName;

    Target(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name {@code nsw-precompile --target} and artifact file names use} */
    public String cliName() {
        return cliName;
    }

    /**
     * The target named {@code name}: {@code x86_64}, {@code aarch64}, {@code pulley64}, or
     * {@code host} for the architecture of this machine (for builds that run what they compile).
     * Case does not matter.
     *
     * @param name the name
     * @return the target
     * @throws IllegalArgumentException for any other name
     */
    public static Target fromCliName(String name) {
        if ("host".equals(name.toLowerCase(Locale.ROOT))) {
            return host();
        }
        for (Target t : values()) {
            if (t.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + name + "': use x86_64, aarch64, pulley64 or host");
    }

    /**
     * The architecture of this machine.
     *
     * @return {@link #X86_64} or {@link #AARCH64}
     * @throws dev.nostdwasm.api.ProviderUnavailableException on an architecture without natives
     */
    public static Target host() {
        return switch (dev.nostdwasm.api.Architecture.current()) {
            case X86_64 -> X86_64;
            case AARCH64 -> AARCH64;
        };
    }
}
