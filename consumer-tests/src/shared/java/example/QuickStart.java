package example;

import dev.nostdwasm.api.*;

/** The README's quick start: runs add.wat, precompiled by the plugin, from the class path. */
public final class QuickStart {

    /** Loads the artifact of add.wat for {@code profile} and returns add(a, b). */
    public static int add(NoStdRuntime runtime, Profile profile, int a, int b) {
        try (Engine engine = runtime.newEngine(EngineConfig.of(profile));
             WasmModule module = engine.loadResource(QuickStart.class, "add");   // the plugin's add.<profile>.<target>.cwasm
             Linker linker = engine.newLinker();
             Store store = engine.newStore()) {
            Instance instance = linker.instantiate(store, module);
            return instance.func("add").callI32(a, b);
        }
    }

    public static void main(String[] args) {
        NoStdRuntime runtime = NoStdRuntime.load();   // ffm on Java 22+, else jni
        System.out.println(runtime.provider() + ": add(2, 3) = " + add(runtime, Profile.NATIVE, 2, 3));
    }
}
