package dev.nostdwasm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.ArtifactHeader;
import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.ArtifactNotFoundException;
import dev.nostdwasm.api.ArtifactSignatureException;
import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.WasmModule;
import dev.nostdwasm.it.support.Artifacts;
import dev.nostdwasm.it.support.ProfileTest;
import dev.nostdwasm.it.support.ProviderSuite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which artifacts an engine loads, and from where: without trusted keys, {@link Engine#load} of
 * bytes, a file or a stream refuses unsigned artifacts unless the configuration opted in; {@link
 * Engine#loadResource} finds the artifact named for the engine's settings through an anchor class
 * and loads it unsigned only from the anchor's own jar or directory; with trusted keys every
 * artifact must be signed. Anchors are a small class copied, with artifacts beside it, into
 * directories and jars of a class loader of their own.
 */
abstract class LoadingSuite extends ProviderSuite {

    /** The class each test class loader loads from its own directory or jar, as the application's code. */
    static final class Anchor {
    }

    @TempDir
    Path temp;

    private static final String ANCHOR_CLASS = Anchor.class.getName().replace('.', '/') + ".class";

    private int add(Engine engine, WasmModule module) {
        track(module);
        return linker(engine).instantiate(store(engine), module).func("add").callI32(3, 4);
    }

    private static void assertNamesBothWaysOut(String message) {
        assertTrue(message.contains("unsigned") && message.contains("EngineConfig.withTrustedKeys")
                && message.contains("nsw-precompile --sign-key") && message.contains("EngineConfig.allowUnsignedArtifacts()"),
                message);
    }

    /** A directory holding the anchor class (when {@code withAnchor}) and {@code artifacts} under their names. */
    private Path directory(String name, boolean withAnchor, Artifact... artifacts) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        if (withAnchor) {
            Path classFile = dir.resolve(ANCHOR_CLASS);
            Files.createDirectories(classFile.getParent());
            Files.write(classFile, anchorBytes());
        }
        for (Artifact a : artifacts) {
            Files.write(dir.resolve(a.name), a.bytes);
        }
        return dir;
    }

    /** A jar holding the anchor class and {@code artifacts}. */
    private Path jar(String name, Artifact... artifacts) throws IOException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(ANCHOR_CLASS));
            out.write(anchorBytes());
            for (Artifact a : artifacts) {
                out.putNextEntry(new JarEntry(a.name));
                out.write(a.bytes);
            }
        }
        return jar;
    }

    private static byte[] anchorBytes() throws IOException {
        try (InputStream in = Anchor.class.getResourceAsStream("/" + ANCHOR_CLASS)) {
            return in.readAllBytes();
        }
    }

    /** The anchor class as loaded from the first of {@code path} (the others hold only resources). */
    private Class<?> anchorIn(Path... path) throws Exception {
        URL[] urls = new URL[path.length];
        for (int i = 0; i < path.length; i++) {
            urls[i] = path[i].toUri().toURL();
        }
        URLClassLoader loader = track(new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
        Class<?> anchor = loader.loadClass(Anchor.class.getName());
        assertEquals(loader, anchor.getClassLoader(), "the anchor comes from the test's own class loader");
        return anchor;
    }

    private record Artifact(String name, byte[] bytes) {}

    /** Module add's artifact built for engines of {@code config}, named as loadResource looks for it. */
    private static Artifact forEngine(EngineConfig config, byte[] bytes) {
        return new Artifact(ArtifactName.forEngine("add", config).fileName(), bytes);
    }

    @ProfileTest
    void anUnsignedArtifactIsRefusedByDefaultFromBytesFilesAndStreams(Profile profile) throws IOException {
        Engine engine = engine(EngineConfig.of(profile));
        byte[] unsigned = Artifacts.bytes("add", profile);
        assertNamesBothWaysOut(assertThrows(ArtifactSignatureException.class, () -> engine.load(unsigned)).getMessage());
        Path file = Artifacts.path("add", profile);
        String fromFile = assertThrows(ArtifactSignatureException.class, () -> engine.load(file)).getMessage();
        assertNamesBothWaysOut(fromFile);
        assertTrue(fromFile.contains(file.toString()), fromFile);
        assertNamesBothWaysOut(assertThrows(ArtifactSignatureException.class,
                () -> engine.load(new ByteArrayInputStream(unsigned))).getMessage());
        // A signed one too: without a key the engine cannot check the signature.
        String signed = assertThrows(ArtifactSignatureException.class,
                () -> engine.load(SignedArtifactsSuite.signed(profile))).getMessage();
        assertTrue(signed.contains("no trusted key"), signed);
    }

    @ProfileTest
    void theOptInLoadsUnsignedArtifactsFromBytesFilesAndStreams(Profile profile) throws IOException {
        Engine engine = engine(EngineConfig.of(profile).allowUnsignedArtifacts());
        assertEquals(7, add(engine, engine.load(Artifacts.bytes("add", profile))));
        assertEquals(7, add(engine, engine.load(Artifacts.path("add", profile))));
        try (InputStream in = Files.newInputStream(Artifacts.path("add", profile))) {
            assertEquals(7, add(engine, engine.load(in)));
        }
    }

    @ProfileTest
    void withTrustedKeysAPayloadRewrittenWithItsDigestIsRefused(Profile profile) throws Exception {
        // What an attacker who cannot sign does: put other code in, with its length and SHA-256 in the header.
        byte[] signed = SignedArtifactsSuite.signed(profile);
        ArtifactHeader header = ArtifactHeader.parse(signed);
        byte[] payload = SignedArtifactsSuite.raw(Artifacts.bytes("mul", profile));
        byte[] forged = new byte[header.headerLength() + payload.length];
        System.arraycopy(signed, 0, forged, 0, header.headerLength());
        ByteBuffer fields = ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN);
        fields.putLong(16, payload.length); // the payload length, then its SHA-256 (envelope.rs)
        fields.put(24, MessageDigest.getInstance("SHA-256").digest(payload));
        System.arraycopy(payload, 0, forged, header.headerLength(), payload.length);
        assertTrue(ArtifactHeader.parse(forged).payloadDigestMatches(forged), "a consistent envelope");

        Engine trusting = engine(EngineConfig.of(profile).withTrustedKeys(List.of(SignedArtifactsSuite.key("trusted"))));
        String message = assertThrows(ArtifactSignatureException.class, () -> trusting.load(forged)).getMessage();
        assertTrue(message.contains("tampered"), message);
        assertEquals(7, add(trusting, trusting.load(signed)));
    }

    @ProfileTest
    void aResourceFromTheAnchorsOwnDirectoryOrJarLoadsUnsigned(Profile profile) throws Exception {
        EngineConfig config = EngineConfig.of(profile);
        Engine engine = engine(config);
        Artifact add = forEngine(config, Artifacts.bytes("add", profile));
        assertEquals(7, add(engine, engine.loadResource(anchorIn(directory("classes", true, add)), "add")));
        assertEquals(7, add(engine, engine.loadResource(anchorIn(jar("app.jar", add)), "add")));
    }

    @ProfileTest
    void aResourceFromAnotherDirectoryOrJarNeedsKeysOrTheOptIn(Profile profile) throws Exception {
        EngineConfig config = EngineConfig.of(profile);
        Artifact add = forEngine(config, Artifacts.bytes("add", profile));
        Path classes = directory("classes", true);
        for (Path elsewhere : List.of(directory("other", false, add), jar("other.jar", add))) {
            Class<?> anchor = anchorIn(classes, elsewhere);
            String message = assertThrows(ArtifactSignatureException.class,
                    () -> engine(config).loadResource(anchor, "add")).getMessage();
            assertNamesBothWaysOut(message);
            assertTrue(message.contains("not from " + Anchor.class.getName() + "'s own jar or directory"), message);
            Engine optedIn = engine(config.allowUnsignedArtifacts());
            assertEquals(7, add(optedIn, optedIn.loadResource(anchor, "add")));
        }
    }

    @ProfileTest
    void withTrustedKeysEvenTheAnchorsOwnResourceMustBeSigned(Profile profile) throws Exception {
        EngineConfig config = EngineConfig.of(profile).withTrustedKeys(List.of(SignedArtifactsSuite.key("trusted")));
        Engine engine = engine(config);
        Class<?> unsigned = anchorIn(directory("unsigned", true, forEngine(config, Artifacts.bytes("add", profile))));
        String message = assertThrows(ArtifactSignatureException.class, () -> engine.loadResource(unsigned, "add"))
                .getMessage();
        assertTrue(message.contains("unsigned"), message);
        Class<?> signed = anchorIn(directory("signed", true, forEngine(config, SignedArtifactsSuite.signed(profile))));
        assertEquals(7, add(engine, engine.loadResource(signed, "add")));
    }

    @ProfileTest
    void aMissingResourceListsTheArtifactsThatExistAndHowToMakeTheRightOne(Profile profile) throws Exception {
        EngineConfig plain = EngineConfig.of(profile);
        Artifact add = forEngine(plain, Artifacts.bytes("add", profile));
        Class<?> anchor = anchorIn(directory("classes", true, add));
        EngineConfig fueled = plain.withFuel(true);
        String wanted = ArtifactName.forEngine("add", fueled).fileName();
        String message = assertThrows(ArtifactNotFoundException.class,
                () -> engine(fueled).loadResource(anchor, "add")).getMessage();
        assertTrue(message.startsWith("no artifact /" + wanted + " for this engine (profile " + profile.cliName()), message);
        assertTrue(message.contains("the artifacts of module 'add' there are " + add.name + ", made for other settings"),
                message);
        assertTrue(message.contains("<fuel>true</fuel>") && message.contains("nsw compile --profile " + profile.cliName()
                + " --target " + ArtifactName.targetOf(profile) + " --fuel -o"), message);

        String none = assertThrows(ArtifactNotFoundException.class,
                () -> engine(plain).loadResource(anchor, "nothing")).getMessage();
        assertTrue(none.contains("no artifact of module 'nothing' is there at all"), none);
    }
}
