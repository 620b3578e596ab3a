package example;

import dev.nostdwasm.api.*;
import dev.nostdwasm.api.Module; // not java.lang.Module
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
             Module module = engine.load(artifact);
             Linker linker = engine.newLinker();
             Store store = engine.newStore()) {
            Instance instance = linker.instantiate(store, module);
            return instance.func("add").callI32(a, b);
        }
    }

    /** Exits with 1 unless add(2, 3) == 5 on native and pulley, served by provider {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        NoStdRuntime runtime = NoStdRuntime.load();
        String module = QuickStart.class.getModule().getName();
        boolean ok = runtime.provider().equals(args[0]);
        for (Profile profile : new Profile[] {Profile.NATIVE, Profile.PULLEY}) {
            int result = add(runtime, profile, 2, 3);
            System.out.println(module + " on Java " + Runtime.version().feature() + ": " + runtime.provider()
                    + " / " + profile.cliName() + ": add(2, 3) = " + result);
            ok &= result == 5;
        }
        if (!ok || module == null) {
            System.err.println("expected add(2, 3) = 5 from provider " + args[0] + " in a named module");
            System.exit(1);
        }
    }
}
