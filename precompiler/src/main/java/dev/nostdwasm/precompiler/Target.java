package dev.nostdwasm.precompiler;

import java.util.Locale;

/** What an artifact's code is for: a CPU architecture, or Pulley bytecode (any CPU). */
public enum Target {
    X86_64("x86_64"),
    AARCH64("aarch64"),
    PULLEY64("pulley64");

    private final String cliName;

    Target(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code nsw-precompile --target} and artifact file names use. */
    public String cliName() {
        return cliName;
    }

    /**
     * The target named {@code name}: {@code x86_64}, {@code aarch64}, {@code pulley64}, or
     * {@code host} for the architecture of this machine (for builds that run what they compile).
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
     * @throws dev.nostdwasm.api.ProviderUnavailableException on an architecture without natives
     */
    public static Target host() {
        return switch (dev.nostdwasm.api.Architecture.current()) {
            case X86_64 -> X86_64;
            case AARCH64 -> AARCH64;
        };
    }
}
