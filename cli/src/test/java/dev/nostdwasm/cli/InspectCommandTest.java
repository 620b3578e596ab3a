package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.precompiler.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    static Path dir;

    static Path key;
    static Path publicKey;
    static Path otherPublicKey;

    @BeforeAll
    static void compileSigned() {
        key = dir.resolve("key.pem");
        publicKey = dir.resolve("key.pub.pem");
        SigningKeys.generate(key, publicKey);
        otherPublicKey = dir.resolve("other.pub.pem");
        SigningKeys.generate(dir.resolve("other.pem"), otherPublicKey);
        Nsw.Result r = Nsw.run("compile", "--target", "x86_64", "--target", "aarch64", "--target", "pulley64",
                "--profile", "native", "--profile", "pulley", "--sign-key", key.toString(),
                "--out-dir", dir.resolve("signed").toString(), Nsw.wat("host_fn.wat").toString());
        assertEquals(0, r.exit(), r::toString);
        r = Nsw.run("compile", "--profile", "native-signals", "--fuel", "--epoch",
                "--out-dir", dir.resolve("plain").toString(), Nsw.wat("host_fn.wat").toString(), Nsw.wat("add.wat").toString());
        assertEquals(0, r.exit(), r::toString);
    }

    static String host() {
        return Host.target().cliName();
    }

    static final List<String> LABELS = List.of("file:", "format:", "target:", "profile:", "fuel:", "epoch:",
            "Wasmtime version:", "ISA flags:", "payload size:", "SHA-256:", "signature:");

    static void assertFields(String out) {
        String[] lines = out.split("\n");
        for (int i = 0; i < LABELS.size(); i++) {
            String label = LABELS.get(i);
            assertTrue(lines[i].startsWith(label), () -> "line for " + label + " in\n" + out);
            assertTrue(lines[i].length() > 18 && !lines[i].substring(18).isBlank(), () -> "a value in\n" + out);
        }
    }

    @Test
    void printsEveryFieldAndTheImportsAndExports() {
        Path artifact = dir.resolve("plain/host_fn.native-signals.fuel.epoch." + host() + ".cwasm");
        Nsw.Result r = Nsw.run("inspect", artifact.toString(), "--allow-unsigned");
        assertEquals(0, r.exit(), r::toString);
        assertFields(r.out());
        String out = r.out();
        assertTrue(out.contains("file:             " + artifact + " ("), out);
        assertTrue(out.contains("format:           1\n"), out);
        assertTrue(out.contains("target:           " + host() + "\n"), out);
        assertTrue(out.contains("profile:          native-signals\n"), out);
        assertTrue(out.contains("fuel:             yes\n"), out);
        assertTrue(out.contains("epoch:            yes\n"), out);
        String wasmtime = NoStdRuntime.load().wasmtimeVersion();
        assertTrue(out.contains("Wasmtime version: " + wasmtime + " (same as this runtime)\n"), out);
        assertTrue(out.matches("(?s).*\nSHA-256:          [0-9a-f]{64} \\(verified\\)\n.*"), out);
        assertTrue(out.contains("signature:        none\n"), out);
        assertTrue(out.endsWith("import host.multiply: func (i32, i32) -> (i32)\n"
                + "export add_and_mul: func (i32, i32, i32) -> (i32)\n"), out);

        // Without --allow-unsigned (or a key) it is not loaded, and the output says how to.
        r = Nsw.run("inspect", artifact.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().endsWith("imports/exports: not shown (not loaded: " + Host.VERIFY_HELP + ")\n"), r::toString);
    }

    @Test
    void pulleyArtifactsAreListedOnAnyHost() {
        Nsw.Result r = Nsw.run("inspect", dir.resolve("signed/host_fn.pulley.pulley64.cwasm").toString(),
                "--public-key", publicKey.toString());
        assertEquals(0, r.exit(), r::toString);
        assertFields(r.out());
        assertTrue(r.out().contains("target:           pulley64\n"), r::toString);
        assertTrue(r.out().contains("profile:          pulley\n"), r::toString);
        assertTrue(r.out().contains("import host.multiply: func (i32, i32) -> (i32)\n"), r::toString);
    }

    @Test
    void otherArchitecturesAreNotLoaded() {
        String other = host().equals("x86_64") ? "aarch64" : "x86_64";
        Nsw.Result r = Nsw.run("inspect", dir.resolve("signed/host_fn.native." + other + ".cwasm").toString());
        assertEquals(0, r.exit(), r::toString);
        assertFields(r.out());
        assertTrue(r.out().endsWith("imports/exports: not shown (artifact is for " + other + ", this host is "
                + host() + ")\n"), r::toString);
    }

    @Test
    void signatures() {
        String artifact = dir.resolve("signed/host_fn.native." + host() + ".cwasm").toString();
        Nsw.Result r = Nsw.run("inspect", artifact);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("signature:        Ed25519 present, not verified (give --public-key)\n"), r::toString);

        r = Nsw.run("inspect", artifact, "--public-key", publicKey.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("signature:        Ed25519 verified (" + publicKey + ")\n"), r::toString);

        r = Nsw.run("inspect", artifact, "--public-key", otherPublicKey.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("signature:        Ed25519 INVALID for " + otherPublicKey + "\n"), r::toString);
    }

    @Test
    void changedPayloadIsAMismatch() throws Exception {
        Path artifact = dir.resolve("broken.cwasm");
        Files.copy(dir.resolve("plain/add.native-signals.fuel.epoch." + host() + ".cwasm"), artifact,
                StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length - 10] ^= 0x55;
        Files.write(artifact, bytes);
        Nsw.Result r = Nsw.run("inspect", artifact.toString(), "--allow-unsigned");
        assertEquals(1, r.exit(), r::toString);
        assertFields(r.out());
        assertTrue(r.out().contains(" (MISMATCH: the payload was changed)\n"), r::toString);
        assertTrue(r.out().contains("imports/exports: not shown (the "), r::toString);
    }

    @Test
    void notAnArtifact() {
        Nsw.Result r = Nsw.run("inspect", Nsw.wat("add.wat").toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().startsWith("nsw inspect: "), r::toString);
        r = Nsw.run("inspect");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Missing required parameter: 'ARTIFACT'"), r::toString);
    }
}
