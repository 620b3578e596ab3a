package dev.nostdwasm.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a WASI guest may reach: its arguments, environment, standard streams, preopened
 * directories, clock and random source. Nothing is inherited from the host unless asked for:
 * by default the environment is empty, stdin is at its end, stdout and stderr are discarded and
 * there is no directory. Immutable; one config may serve many {@link Wasi} objects.
 */
public final class WasiConfig {
    final List<String> args;
    final Map<String, String> env;
    final InputStream stdin;
    final OutputStream stdout;
    final OutputStream stderr;
    final List<Preopen> preopens;
    final WasiClock clock;
    final RandomGenerator random;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env)); // in the order given
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.preopens = List.copyOf(b.preopens);
        this.clock = b.clock;
        this.random = b.random;
    }

    /** {@return a builder with nothing granted} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WasiConfig}. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private final List<Preopen> preopens = new ArrayList<>();
        private WasiClock clock = WasiClock.system();
        private RandomGenerator random = new SecureRandom();

        private Builder() {}

        /**
         * Appends command-line arguments; the first is the program's name by convention.
         *
         * @param args the arguments
         * @return this builder
         * @throws IllegalArgumentException when an argument contains a NUL character
         */
        public Builder args(String... args) {
            for (String arg : args) {
                requireNoNul(arg, "argument");
                this.args.add(arg);
            }
            return this;
        }

        /**
         * Sets environment variable {@code key} (replacing an earlier value).
         *
         * @param key the variable's name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the key is empty or contains '=' or NUL, or the
         *     value contains NUL
         */
        public Builder env(String key, String value) {
            requireNoNul(key, "environment variable name");
            requireNoNul(value, "environment variable value");
            if (key.isEmpty() || key.indexOf('=') >= 0) {
                throw new IllegalArgumentException("environment variable name '" + key
                        + "' is empty or contains '=': give the name alone, and the value separately");
            }
            env.put(key, value);
            return this;
        }

        /**
         * Adds every variable of this JVM's environment ({@link System#getenv()}), except the
         * ones a guest could not read back ("KEY=VALUE" strings: a name with '=' or NUL).
         *
         * @return this builder
         */
        public Builder inheritEnv() {
            System.getenv().forEach((key, value) -> {
                if (!key.isEmpty() && key.indexOf('=') < 0 && key.indexOf('\0') < 0 && value.indexOf('\0') < 0) {
                    env.put(key, value);
                }
            });
            return this;
        }

        /**
         * The guest's standard input (fd 0); by default it is empty.
         *
         * @param in what the guest reads
         * @return this builder
         */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in, "stdin");
            return this;
        }

        /**
         * Where the guest's standard output (fd 1) goes; flushed after every write. By default it
         * is discarded.
         *
         * @param out where the guest's output goes
         * @return this builder
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "stdout");
            return this;
        }

        /**
         * Where the guest's standard error (fd 2) goes; flushed after every write. By default it
         * is discarded.
         *
         * @param err where the guest's error output goes
         * @return this builder
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "stderr");
            return this;
        }

        /**
         * Connects fds 0, 1 and 2 to {@link System#in}, {@link System#out} and {@link System#err}.
         *
         * @return this builder
         */
        public Builder inheritStdio() {
            return stdin(System.in).stdout(System.out).stderr(System.err);
        }

        /**
         * Lets the guest reach directory {@code hostDir} (on any {@link java.nio.file.FileSystem})
         * as {@code guestPath}, and nothing outside it. Preopens get descriptors 3, 4, ... in the
         * order they are added. A read-only preopen refuses every change with errno {@code PERM}.
         *
         * @param hostDir the directory on the host
         * @param guestPath the path the guest names it by, such as {@code /data} or {@code .}
         * @param readOnly whether the guest may only read
         * @return this builder
         * @throws IllegalArgumentException when {@code hostDir} is not a directory or {@code
         *     guestPath} is empty or contains NUL
         */
        public Builder preopen(Path hostDir, String guestPath, boolean readOnly) {
            Objects.requireNonNull(hostDir, "hostDir");
            requireNoNul(guestPath, "guest path");
            if (guestPath.isEmpty()) {
                throw new IllegalArgumentException("the guest path of " + hostDir
                        + " is empty: give the name the guest uses, such as \"/data\" or \".\"");
            }
            if (!Files.isDirectory(hostDir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(hostDir + " is not a directory (or is a symbolic link):"
                        + " preopen the directory itself");
            }
            preopens.add(new Preopen(hostDir, guestPath, readOnly));
            return this;
        }

        /**
         * The clocks the guest reads (default {@link WasiClock#system()}).
         *
         * @param clock the clocks
         * @return this builder
         */
        public Builder clock(WasiClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source of {@code random_get} (default a {@link SecureRandom}); seed one for reproducible runs.
         *
         * @param random the generator
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** {@return the config: a copy of what this builder holds now, which later calls do not change} */
        public WasiConfig build() {
            return new WasiConfig(this);
        }

        private static void requireNoNul(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the " + what + " '" + s.replace("\0", "\\0")
                        + "' contains a NUL character, which C strings cannot carry: remove it");
            }
        }
    }
}
