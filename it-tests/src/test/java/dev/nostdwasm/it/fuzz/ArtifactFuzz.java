package dev.nostdwasm.it.fuzz;

import dev.nostdwasm.api.Architecture;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.it.fuzz.FuzzMain.Input;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Artifacts to {@link Engine#load} (and raw payloads to {@link Engine#loadRawUnsafe}): real test
 * artifacts truncated, bit-flipped (header, payload, payload with the digest fixed so the damage
 * reaches Wasmtime), with their Wasmtime version edited (in the header, or in the payload with the
 * digest fixed), with their header switches edited, of the other architecture, profile or metering,
 * signed ones to engines with trusted keys, and random bytes (with and without the envelope magic).
 * Nothing loaded is ever run: a loaded module is closed at once.
 */
final class ArtifactFuzz implements FuzzMain.Part {

    /** Offsets in the envelope header (rust-nostd/crates/contract/src/envelope.rs). */
    static final int SWITCHES_OFFSET = 12;
    static final int PAYLOAD_LENGTH_OFFSET = 16;
    static final int DIGEST_OFFSET = 24;
    static final int VERSION_LENGTH_OFFSET = 56;

    /**
     * EXCLUDED (finding 3): a payload with bit flips whose envelope digest was recomputed (so the
     * damage passes the SHA-256 check and reaches Wasmtime's deserializer), or a raw {@code .cwasm}
     * with bit flips given to {@code loadRawUnsafe}, can abort the JVM (SIGABRT, exit 134) with both
     * providers: Wasmtime trusts the metadata of what it deserializes and panics, e.g. at
     * wasmtime-49.0.5/src/runtime/type_registry.rs:798 ({@code assert_eq!} on interned type indices),
     * type_registry.rs:196 and wasmtime-environ-49.0.5/src/module.rs:558 (index out of bounds). Seen
     * with seeds 1 (jni artifact:344), 7 (ffm artifact:2144) and 12345 (jni artifact:2232). Wasmtime
     * documents deserialization as unsafe for untrusted bytes; the envelope digest only detects
     * accidental damage, and signatures (trusted keys) are what keep tampered code out. While this is
     * true, tampered payloads with a fixed digest go only to engines with trusted keys (refused in Java
     * before any native code sees them), and raw payloads are given to {@code loadRawUnsafe} intact or
     * truncated, never bit-flipped.
     */
    static final boolean EXCLUDE_TAMPERED_PAYLOAD_REACHING_WASMTIME = true;

    static final String[] STEMS = {"add", "empty", "floats", "globals", "host_fn", "host_types", "memory", "tables",
        "typed", "reentry", "traps", "imports_exports", "caller_memory", "mul", "global_import", "memory_import"};

    /** One real artifact and what it was built for. */
    record Source(String name, Profile profile, String target, boolean metered, boolean signed, byte[] bytes) {}

    private final Profile[] profiles;
    private final List<Engine> plain = new ArrayList<>();
    private final List<Engine> metered = new ArrayList<>();
    private final List<Engine> trusted = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();

    ArtifactFuzz(NoStdRuntime runtime, Path dir, PublicKey trustedKey) throws Exception {
        profiles = FuzzMain.sortedProfiles(runtime);
        for (Profile p : profiles) {
            plain.add(runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts()));
            metered.add(runtime.newEngine(EngineConfig.of(p).allowUnsignedArtifacts()
                    .withFuel(true).withEpochInterruption(true)));
            trusted.add(runtime.newEngine(EngineConfig.of(p).withTrustedKeys(List.of(trustedKey))));
        }
        String host = Architecture.current().id();
        String other = host.equals("x86_64") ? "aarch64" : "x86_64";
        for (Profile p : Profile.values()) {
            List<String> targets = p == Profile.PULLEY ? List.of("pulley64") : List.of(host, other);
            for (String target : targets) {
                for (String stem : STEMS) {
                    add(dir, stem, p, target, false, false);
                }
                add(dir.resolve("metered"), "spin", p, target, true, false);
                add(dir.resolve("signed"), "add", p, target, false, true);
            }
        }
    }

    private void add(Path dir, String stem, Profile p, String target, boolean meteredArtifact, boolean signed)
            throws Exception {
        Path file = dir.resolve(stem + "." + p.cliName() + "." + target + ".cwasm");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the fuzz input " + file + " is missing: it-tests/scripts/precompile.sh"
                    + " writes it in the build's generate-test-resources phase");
        }
        sources.add(new Source((meteredArtifact ? "metered/" : signed ? "signed/" : "") + file.getFileName(), p, target,
                meteredArtifact, signed, Files.readAllBytes(file)));
    }

    @Override
    public String name() {
        return "artifact";
    }

    @Override
    public Input generate(SplittableRandom r, int index) {
        Source s = sources.get(r.nextInt(sources.size()));
        int engineKind = r.nextInt(10); // 0..6 plain, 7..8 metered, 9 trusted
        int pi = r.nextInt(profiles.length);
        Engine chosen = engineKind <= 6 ? plain.get(pi) : engineKind <= 8 ? metered.get(pi) : trusted.get(pi);
        String chosenName = (engineKind <= 6 ? "" : engineKind <= 8 ? "metered " : "trusted ")
                + profiles[pi].cliName();
        Engine engine = chosen;
        String engineName = chosenName;
        byte[] b = s.bytes.clone();
        int header = FuzzMain.headerLength(b);
        String what;
        boolean raw = false;
        switch (r.nextInt(14)) {
            case 0 -> {
                int len = r.nextInt(b.length);
                b = Arrays.copyOf(b, len);
                what = "truncated: at " + len;
            }
            case 1 -> {
                int n = r.nextInt(1, 9);
                what = "bit flips anywhere: " + FuzzMain.flipBits(b, r, n, 0, b.length);
            }
            case 2 -> {
                int n = r.nextInt(1, 9);
                what = "bit flips in header: " + FuzzMain.flipBits(b, r, n, 0, header);
            }
            case 3 -> {
                int n = r.nextInt(1, 9);
                what = "bit flips in payload: " + FuzzMain.flipBits(b, r, n, header, b.length);
            }
            case 4 -> {
                int n = r.nextInt(1, 9);
                what = "bit flips in payload, digest fixed: " + FuzzMain.flipBits(b, r, n, header, b.length);
                FuzzMain.fixDigest(b, header);
                if (EXCLUDE_TAMPERED_PAYLOAD_REACHING_WASMTIME) {
                    engine = trusted.get(pi);
                    engineName = "trusted " + profiles[pi].cliName();
                }
            }
            case 5 -> {
                int len = r.nextInt(0, 4097);
                byte[] random = FuzzMain.randomBytes(r, len);
                int prefix = r.nextInt(3);
                if (prefix > 0) {
                    // keep the magic (1) or the whole fixed part of the header up to the digest (2)
                    int keep = Math.min(len, prefix == 1 ? 8 : DIGEST_OFFSET);
                    System.arraycopy(b, 0, random, 0, keep);
                }
                b = random;
                what = "random bytes: " + len + (prefix == 0 ? "" : prefix == 1 ? " with magic" : " with fixed header");
            }
            case 6 -> {
                b = editVersionInHeader(b, r);
                what = "wasmtime version edited in header: " + headerVersion(b);
            }
            case 7 -> {
                int edits = editVersionInPayload(b, header, r);
                FuzzMain.fixDigest(b, header);
                what = "wasmtime engine record edited in payload, digest fixed: " + edits + " places";
            }
            case 8 -> {
                b[SWITCHES_OFFSET] = (byte) r.nextInt(4);
                what = "switches edited: " + b[SWITCHES_OFFSET];
            }
            case 9 -> {
                int at = r.nextInt(8, DIGEST_OFFSET);
                b[at] = (byte) r.nextInt(256);
                what = "header byte replaced: at " + at;
            }
            case 10 -> {
                int extra = r.nextInt(1, 65);
                byte[] longer = Arrays.copyOf(b, b.length + extra);
                System.arraycopy(FuzzMain.randomBytes(r, extra), 0, longer, b.length, extra);
                b = longer;
                what = "extra bytes appended: " + extra;
            }
            case 11 -> {
                // raw payload (no envelope) to loadRawUnsafe, maybe damaged
                byte[] payload = Arrays.copyOfRange(b, header, b.length);
                int how = r.nextInt(EXCLUDE_TAMPERED_PAYLOAD_REACHING_WASMTIME ? 2 : 3);
                if (how == 1) {
                    payload = Arrays.copyOf(payload, r.nextInt(payload.length));
                } else if (how == 2) {
                    FuzzMain.flipBits(payload, r, r.nextInt(1, 9), 0, payload.length);
                }
                b = payload;
                raw = true;
                what = "raw payload to loadRawUnsafe: " + (how == 0 ? "intact" : how == 1 ? "truncated" : "bit flips");
            }
            case 12 -> {
                // a whole envelope or random bytes to loadRawUnsafe
                if (r.nextBoolean()) {
                    b = FuzzMain.randomBytes(r, r.nextInt(0, 2049));
                    if (b.length >= 4 && r.nextBoolean()) {
                        b[0] = 0x7f;
                        b[1] = 'E';
                        b[2] = 'L';
                        b[3] = 'F';
                    }
                }
                raw = true;
                what = "envelope or random bytes to loadRawUnsafe";
            }
            default -> what = "untouched";
        }
        final byte[] bytes = b;
        final Engine target = engine;
        final boolean rawLoad = raw;
        String description = what.contains(":") ? what.replaceFirst(":", ": " + s.name + " -> " + engineName + ",")
                : what + ": " + s.name + " -> " + engineName;
        return FuzzMain.input(description, () -> {
            WasmModule m = rawLoad ? target.loadRawUnsafe(bytes) : target.load(bytes);
            try {
                m.imports();
                m.exports();
            } finally {
                m.close();
            }
        });
    }

    private static byte[] editVersionInHeader(byte[] b, SplittableRandom r) {
        int oldLength = b[VERSION_LENGTH_OFFSET] & 0xff;
        String old = new String(b, VERSION_LENGTH_OFFSET + 1, oldLength, StandardCharsets.US_ASCII);
        String edited;
        switch (r.nextInt(4)) {
            case 0 -> edited = old.substring(0, old.length() - 1) + (char) ('0' + r.nextInt(10));
            case 1 -> edited = (r.nextInt(1, 100)) + "." + r.nextInt(10) + "." + r.nextInt(10);
            case 2 -> edited = old + "-dev";
            default -> {
                int len = r.nextInt(1, 65);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    sb.append((char) r.nextInt(32, 127));
                }
                edited = sb.toString();
            }
        }
        byte[] v = edited.getBytes(StandardCharsets.US_ASCII);
        byte[] result = new byte[b.length - oldLength + v.length];
        System.arraycopy(b, 0, result, 0, VERSION_LENGTH_OFFSET);
        result[VERSION_LENGTH_OFFSET] = (byte) v.length;
        System.arraycopy(v, 0, result, VERSION_LENGTH_OFFSET + 1, v.length);
        int rest = VERSION_LENGTH_OFFSET + 1 + oldLength;
        System.arraycopy(b, rest, result, VERSION_LENGTH_OFFSET + 1 + v.length, b.length - rest);
        return result;
    }

    private static String headerVersion(byte[] b) {
        int len = b[VERSION_LENGTH_OFFSET] & 0xff;
        return len + " chars";
    }

    /**
     * Wasmtime's own compatibility record inside the payload (its {@code .wasmtime.engine} section:
     * target triple, compiler settings, ISA flags; this build records no Wasmtime version there).
     */
    private static final String[] ENGINE_NEEDLES = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "pulley64",
        "regalloc_algorithm", "opt_level", "has_", "enable_", "signals_based_traps", "memory_reservation"};

    /**
     * Changes one character of every copy of a random piece of Wasmtime's compatibility record (or of
     * the header's Wasmtime version, should the payload carry it) in the payload; returns the count.
     */
    private static int editVersionInPayload(byte[] b, int header, SplittableRandom r) {
        int len = b[VERSION_LENGTH_OFFSET] & 0xff;
        List<byte[]> present = new ArrayList<>();
        present.add(Arrays.copyOfRange(b, VERSION_LENGTH_OFFSET + 1, VERSION_LENGTH_OFFSET + 1 + len));
        for (String needle : ENGINE_NEEDLES) {
            byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
            if (indexOf(b, n, header) >= 0) {
                present.add(n);
            }
        }
        byte[] needle = present.get(r.nextInt(present.size()));
        int edits = 0;
        for (int at = indexOf(b, needle, header); at >= 0; at = indexOf(b, needle, at + needle.length)) {
            int pos = at + r.nextInt(needle.length);
            b[pos] = (byte) (b[pos] == 'z' ? 'a' : b[pos] == '9' ? '0' : b[pos] + 1);
            edits++;
        }
        return edits;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        for (int at = from; at + needle.length <= b.length; at++) {
            if (Arrays.equals(b, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        plain.forEach(Engine::close);
        metered.forEach(Engine::close);
        trusted.forEach(Engine::close);
    }
}
