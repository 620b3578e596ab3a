package dev.nostdwasm.bench;

import dev.nostdwasm.api.Profile;
import java.util.List;

/** The subjects by name, as the benchmarks' {@code subject} parameter and the results table name them. */
public final class Subjects {

    /** Every subject that runs wasm. */
    public static final List<String> WASM = List.of(
            "ffm:native", "ffm:native-signals", "ffm:pulley",
            "jni:native", "jni:native-signals", "jni:pulley",
            "chicory:interpreter", "chicory:compiler");

    /** The bare FFM baseline of the call and memory measures. */
    public static final String BARE = "ffm-bare";

    private Subjects() {
    }

    public static Subject open(String name) {
        return switch (name) {
            case "chicory:interpreter" -> new ChicorySubject(false);
            case "chicory:compiler" -> new ChicorySubject(true);
            case BARE -> new BareFfmSubject();
            default -> {
                int colon = name.indexOf(':');
                String provider = colon < 0 ? "" : name.substring(0, colon);
                if (!provider.equals("ffm") && !provider.equals("jni")) {
                    throw new IllegalArgumentException("unknown subject '" + name + "': one of " + WASM + " or " + BARE);
                }
                yield new NswSubject(provider, Profile.fromCliName(name.substring(colon + 1)));
            }
        };
    }
}
