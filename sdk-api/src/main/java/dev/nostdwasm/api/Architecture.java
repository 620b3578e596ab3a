package dev.nostdwasm.api;

import java.util.Locale;

/** The CPU architectures natives are built and bundled for. */
public enum Architecture {
    /** 64-bit x86 (AMD64). */
    X86_64("x86_64"),
    /** 64-bit ARM (ARMv8-A and later). */
    AARCH64("aarch64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /**
     * The name used in resource paths ({@code META-INF/native/linux-<id>/}) and by the precompiler.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * The architecture of this JVM.
     *
     * @return the architecture
     * @throws ProviderUnavailableException on any other, saying what is supported
     */
    public static Architecture current() {
        return fromOsArch(System.getProperty("os.arch", ""));
    }

    static Architecture fromOsArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new ProviderUnavailableException("this JVM runs on '" + osArch
                    + "', but nostd-wasm-java ships natives only for x86_64 and aarch64"
                    + " (use such a machine, or build the natives for yours)");
        };
    }
}
