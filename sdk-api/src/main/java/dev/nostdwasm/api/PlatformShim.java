package dev.nostdwasm.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The C library that gives Wasmtime what it needs from the operating system: thread-local
 * storage, locks, virtual memory, memory images and trap signals. The bundled Linux shim is the
 * default; a port to another platform supplies its own library per architecture and declares
 * what it can do. One shim serves a whole process.
 */
public final class PlatformShim {

    /** What a shim provides beyond thread-local storage. */
    public enum Capability {
        /** Locks that block (required: a JVM is multi-threaded). */
        CUSTOM_SYNC,
        /** mmap-like reservations and protections; native code needs it. */
        VIRTUAL_MEMORY,
        /** Copy-on-write images of initial linear memory (faster instantiation). */
        MEMORY_IMAGES,
        /** Trap signal handlers chained to the JVM's; the native-signals profile needs it. */
        NATIVE_SIGNALS
    }

    private static final PlatformShim BUNDLED =
            new PlatformShim("bundled Linux shim", Map.of(), EnumSet.allOf(Capability.class), true);

    private final String name;
    private final Map<Architecture, Path> libraries;
    private final Set<Capability> capabilities;
    private final boolean bundled;

    private PlatformShim(String name, Map<Architecture, Path> libraries, Set<Capability> capabilities, boolean bundled) {
        this.name = name;
        this.libraries = libraries;
        this.capabilities = capabilities;
        this.bundled = bundled;
    }

    /** {@return the Linux shim inside the provider jar, with every capability} */
    public static PlatformShim bundled() {
        return BUNDLED;
    }

    /**
     * A shim of your own: one shared library per architecture, and what it can do.
     *
     * @param name the shim's name, shown in messages
     * @param libraries the absolute path of the shim's shared library for each architecture (copied)
     * @param capabilities what the shim provides; must include {@link Capability#CUSTOM_SYNC}
     * @return the shim
     * @throws IllegalArgumentException without libraries, with a relative path, or without
     *     {@link Capability#CUSTOM_SYNC}
     */
    public static PlatformShim of(String name, Map<Architecture, Path> libraries, Set<Capability> capabilities) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(libraries, "libraries");
        Objects.requireNonNull(capabilities, "capabilities");
        if (libraries.isEmpty()) {
            throw new IllegalArgumentException("a platform shim needs a library for at least one architecture");
        }
        libraries.forEach((arch, path) -> {
            Objects.requireNonNull(arch, "architecture");
            if (!Objects.requireNonNull(path, "library path").isAbsolute()) {
                throw new IllegalArgumentException("shim library path must be absolute: " + path);
            }
        });
        if (!capabilities.contains(Capability.CUSTOM_SYNC)) {
            throw new IllegalArgumentException("a shim for the JVM must provide CUSTOM_SYNC: Wasmtime's "
                    + "no_std locks panic on contention, and a JVM is multi-threaded");
        }
        Set<Capability> caps = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        return new PlatformShim(name, Collections.unmodifiableMap(new EnumMap<>(libraries)),
                Collections.unmodifiableSet(caps), false);
    }

    /**
     * A shim of your own for the architecture of this JVM, named by its file name, checked as
     * {@link #of} checks.
     *
     * @param library the shim's shared library; a relative path is taken from the working directory
     * @param capabilities what the shim provides; must include {@link Capability#CUSTOM_SYNC}
     * @return the shim
     */
    public static PlatformShim ofFile(Path library, Set<Capability> capabilities) {
        return of(library.getFileName().toString(), Map.of(Architecture.current(), library.toAbsolutePath()), capabilities);
    }

    /** {@return the shim's name, shown in messages: {@code bundled Linux shim} or the one given to {@link #of}} */
    public String name() {
        return name;
    }

    /** {@return whether this is the shim inside the provider jar ({@link #bundled()})} */
    public boolean isBundled() {
        return bundled;
    }

    /** {@return what the shim provides (unmodifiable)} */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The shim's shared library for {@code arch}.
     *
     * @param arch the architecture
     * @return its absolute path; empty for the bundled shim (the provider extracts it), or when
     *     this shim has none for {@code arch}
     */
    public Optional<Path> library(Architecture arch) {
        return Optional.ofNullable(libraries.get(arch));
    }

    /**
     * Whether engines of {@code profile} can run on this shim.
     *
     * @param profile the profile
     * @return true when the shim has the capabilities the profile needs
     */
    public boolean supports(Profile profile) {
        return switch (profile) {
            case PULLEY -> true;
            case NATIVE -> capabilities.contains(Capability.VIRTUAL_MEMORY);
            case NATIVE_SIGNALS -> capabilities.contains(Capability.VIRTUAL_MEMORY)
                    && capabilities.contains(Capability.NATIVE_SIGNALS);
        };
    }

    /**
     * Checks that {@code profile} can run on this shim.
     *
     * @param profile the profile
     * @throws PlatformShimException naming the missing capability
     */
    public void requireSupport(Profile profile) {
        if (!supports(profile)) {
            throw new PlatformShimException("platform shim '" + name + "' cannot run the " + profile.cliName()
                    + " profile: it lacks " + (capabilities.contains(Capability.VIRTUAL_MEMORY)
                            ? "NATIVE_SIGNALS" : "VIRTUAL_MEMORY")
                    + "; use the pulley profile or a shim with that capability");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformShim other
                && bundled == other.bundled
                && name.equals(other.name)
                && libraries.equals(other.libraries)
                && capabilities.equals(other.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, libraries, capabilities, bundled);
    }

    @Override
    public String toString() {
        return bundled ? name : name + " " + libraries + " " + capabilities;
    }
}
