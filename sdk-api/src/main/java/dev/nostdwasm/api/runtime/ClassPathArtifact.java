package dev.nostdwasm.api.runtime;

import dev.nostdwasm.api.ArtifactName;
import dev.nostdwasm.api.ArtifactNotFoundException;
import dev.nostdwasm.api.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;

/**
 * An artifact found as a root-level resource through an anchor class (for {@link
 * dev.nostdwasm.api.Engine#loadResource}), and whether it comes from the anchor's own code source:
 * the jar or classes directory the anchor class itself was loaded from.
 */
record ClassPathArtifact(URL url, byte[] bytes, boolean fromAnchorCodeSource) {

    /**
     * The artifact of {@code stem} for engines of {@code config}, read through {@code anchor}.
     *
     * @throws ArtifactNotFoundException when there is none, listing those of {@code stem} that exist
     * @throws UncheckedIOException when it cannot be read
     */
    static ClassPathArtifact find(Class<?> anchor, String stem, EngineConfig config) {
        Objects.requireNonNull(anchor, "anchor");
        ArtifactName name = ArtifactName.forEngine(Objects.requireNonNull(stem, "stem"), config);
        URL url = anchor.getResource("/" + name.fileName());
        if (url == null) {
            throw notFound(anchor, name);
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the artifact " + url + ": " + e.getMessage(), e);
        }
        return new ClassPathArtifact(url, bytes, isInCodeSourceOf(anchor, url, name.fileName()));
    }

    /** Where the anchor's classes come from, for messages; "an unknown code source" when the JVM does not say. */
    static String codeSourceOf(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown code source" : source.getLocation().toString();
    }

    /**
     * Whether {@code resource} (the URL of root-level resource {@code fileName}) lies in the jar or
     * directory {@code anchor} was loaded from: an entry {@code fileName} of that jar, or the file
     * {@code fileName} in that directory. Class loaders spell the same file differently ({@code
     * file:/x} and {@code file:///x}), so files are compared as paths.
     */
    private static boolean isInCodeSourceOf(Class<?> anchor, URL resource, String fileName) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        try {
            URI location = source.getLocation().toURI();
            URI actual = resource.toURI();
            if ("jar".equals(actual.getScheme())) {
                String spec = actual.getRawSchemeSpecificPart();
                int separator = spec.lastIndexOf("!/");
                return separator >= 0 && spec.substring(separator + 2).equals(fileName)
                        && sameFile(new URI(spec.substring(0, separator)), location);
            }
            return location.getPath() != null && location.getPath().endsWith("/")
                    && sameFile(actual, location.resolve(fileName));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false; // what cannot be compared is not trusted as the anchor's own
        }
    }

    private static boolean sameFile(URI a, URI b) {
        if ("file".equals(a.getScheme()) && "file".equals(b.getScheme())) {
            return Path.of(a).normalize().equals(Path.of(b).normalize());
        }
        return a.normalize().equals(b.normalize());
    }

    private static ArtifactNotFoundException notFound(Class<?> anchor, ArtifactName wanted) {
        List<String> present = ArtifactName.every(wanted.stem()).stream()
                .filter(n -> anchor.getResource("/" + n.fileName()) != null)
                .map(ArtifactName::fileName)
                .toList();
        String found = present.isEmpty()
                ? "no artifact of module '" + wanted.stem() + "' is there at all (is the stem right? it is the module's"
                        + " file name without the extension, e.g. add for add.wat)"
                : "the artifacts of module '" + wanted.stem() + "' there are " + String.join(", ", present)
                        + ", made for other settings";
        return new ArtifactNotFoundException("no artifact /" + wanted.fileName() + " for this engine (profile "
                + wanted.profile().cliName() + ", target " + wanted.target() + (wanted.fuel() ? ", fuel" : ", no fuel")
                + (wanted.epoch() ? ", epoch" : ", no epoch") + ") on the class path of " + anchor.getName() + "; "
                + found + ". Precompile it into the resources with the Maven plugin's " + pluginOptions(wanted)
                + ", or with `nsw compile " + wanted.precompilerOptions() + " -o <resources dir> " + wanted.stem()
                + ".wat`; or make the engine match an artifact that exists");
    }

    private static String pluginOptions(ArtifactName name) {
        return "<profiles><profile>" + name.profile().cliName() + "</profile></profiles><targets><target>"
                + name.target() + "</target></targets>" + (name.fuel() ? "<fuel>true</fuel>" : "")
                + (name.epoch() ? "<epoch>true</epoch>" : "");
    }
}
