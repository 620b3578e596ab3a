package dev.nostdwasm.api;

import dev.nostdwasm.api.abi.NswConstants;
import java.util.Locale;

/**
 * How compiled code runs. An engine has one profile, and loads only artifacts compiled for it
 * (the precompiler's {@code --profile}).
 */
public enum Profile {
    /** Native code with explicit bounds checks; needs virtual memory from the platform shim. */
    NATIVE(NswConstants.NSW_PROFILE_NATIVE, "native"),
    /** Native code relying on guard pages and trap signals chained to the JVM's: fastest. */
    NATIVE_SIGNALS(NswConstants.NSW_PROFILE_NATIVE_SIGNALS, "native-signals"),
    /** Pulley bytecode: portable, needs neither executable memory nor signals; slower. */
    PULLEY(NswConstants.NSW_PROFILE_PULLEY, "pulley");

    private final int id;
    private final String cliName;

    Profile(int id, String cliName) {
        this.id = id;
        this.cliName = cliName;
    }

    /**
     * The number the C ABI and the artifact envelope use.
     *
     * @return the number
     */
    public int id() {
        return id;
    }

    /**
     * The name the precompiler's {@code --profile} takes.
     *
     * @return the name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The profile named as the precompiler names it ({@code native}, {@code native-signals},
     * {@code pulley}), case-insensitively.
     *
     * @param name the precompiler's name of a profile
     * @return the profile
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static Profile fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Profile p : values()) {
            if (p.cliName.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown profile '" + name + "': use native, native-signals or pulley");
    }

    /** The profile with C ABI number {@code id}. */
    static Profile fromId(int id) {
        for (Profile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile id " + id);
    }
}
