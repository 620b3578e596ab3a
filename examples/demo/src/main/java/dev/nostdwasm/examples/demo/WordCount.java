package dev.nostdwasm.examples.demo;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Linker;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Store;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.wasi.Wasi;
import dev.nostdwasm.wasi.WasiConfig;
import dev.nostdwasm.wasi.WasiExit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's WASI program, {@code src/main/c/wordcount.c} (built with clang-14 and wasi-libc,
 * precompiled like demo.wat): counts the lines, words and bytes of a file and finds its most
 * frequent word. The guest sees one directory, read-only, and nothing else of the host.
 */
final class WordCount {

    /** Where the guest finds the host's text directory. */
    static final String GUEST_DIR = "/text";

    private WordCount() {
    }

    /** What the program printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs the program's {@code artifact} on {@code file} of {@code textDir}, which it sees as {@link #GUEST_DIR}. */
    static Result run(NoStdRuntime runtime, EngineConfig config, Path artifact, Path textDir, String file)
            throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiConfig wasiConfig = WasiConfig.builder()
                .args("wordcount", GUEST_DIR + "/" + file)
                .preopen(textDir, GUEST_DIR, true)
                .stdout(stdout)
                .stderr(stderr)
                .build();
        Wasi wasi = Wasi.create(wasiConfig);
        try (Engine engine = runtime.newEngine(config);
                WasmModule module = engine.load(artifact);
                Linker linker = Wasi.addTo(engine.newLinker());
                Store store = engine.newStore(wasi)) {
            WasiExit exit = wasi.run(linker.instantiate(store, module));
            return new Result(exit.code(), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        }
    }

    /** The line the program prints for {@code file}, computed here in Java by the same rules. */
    static String expected(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long lines = 0;
        long words = 0;
        boolean inWord = false;
        Map<String, Integer> counts = new LinkedHashMap<>(); // first seen first: it wins a tie, as in C
        StringBuilder letters = new StringBuilder();
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c == '\n') {
                lines++;
            }
            boolean space = c == ' ' || (c >= '\t' && c <= '\r'); // C's isspace
            if (space) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) { // C's isalpha
                if (letters.length() < 63) {
                    letters.append(Character.toLowerCase(c));
                }
            } else if (letters.length() > 0) {
                counts.merge(letters.toString(), 1, Integer::sum);
                letters.setLength(0);
            }
        }
        if (letters.length() > 0) {
            counts.merge(letters.toString(), 1, Integer::sum);
        }
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return String.format("%d lines, %d words, %d bytes; most frequent: \"%s\" (%d times)%n",
                lines, words, bytes.length, best, bestCount);
    }
}
