package example;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;

/**
 * Runs the README's quick start as a named module and checks which provider served it
 * (modulepath-ffm, modulepath-jni): {@code Engine.loadResource} finds the module's root-level
 * artifacts, and loads them unsigned since they come from the module's own jar or directory.
 */
public final class ModulePathCheck {

    private ModulePathCheck() {
    }

    /** Exits with 1 unless add(2, 3) == 5 on native and pulley, served by provider {@code args[0]}. */
    public static void main(String[] args) {
        NoStdRuntime runtime = NoStdRuntime.load();
        String module = ModulePathCheck.class.getModule().getName();
        boolean ok = runtime.provider().equals(args[0]);
        for (Profile profile : new Profile[] {Profile.NATIVE, Profile.PULLEY}) {
            int result = QuickStart.add(runtime, profile, 2, 3);
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
