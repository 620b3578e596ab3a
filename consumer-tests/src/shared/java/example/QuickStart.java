package example;

import dev.nostdwasm.api.*;
import java.io.IOException;
import java.io.InputStream;

/** The README's quick start: runs add.wat, precompiled by the plugin, from the class path. */
public final class QuickStart {

    /** Loads the artifact of add.wat for {@code profile} and returns add(a, b). */
    public static int add(NoStdRuntime runtime, Profile profile, int a, int b) throws IOException {
        String target = profile == Profile.PULLEY ? "pulley64" : Architecture.current().id();
        String name = "/add." + profile.cliName() + "." + target + ".cwasm";   // made by the plugin
        byte[] artifact;
        try (InputStream in = QuickStart.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path: run mvn compile (the plugin makes it)");
            }
            artifact = in.readAllBytes();
        }
        try (Engine engine = runtime.newEngine(EngineConfig.of(profile));
             WasmModule module = engine.load(artifact);
             Linker linker = engine.newLinker();
             Store store = engine.newStore()) {
            Instance instance = linker.instantiate(store, module);
            return instance.func("add").callI32(a, b);
        }
    }

    public static void main(String[] args) throws IOException {
        NoStdRuntime runtime = NoStdRuntime.load();   // ffm on Java 22+, else jni
        System.out.println(runtime.provider() + ": add(2, 3) = " + add(runtime, Profile.NATIVE, 2, 3));
    }
}
