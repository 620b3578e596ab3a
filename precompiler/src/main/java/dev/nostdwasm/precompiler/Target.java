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

    /** The target of {@code --target} name {@code name}. */
    public static Target fromCliName(String name) {
        for (Target t : values()) {
            if (t.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + name + "': use x86_64, aarch64 or pulley64");
    }
}
