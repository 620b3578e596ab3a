package dev.nostdwasm.it.signals;

import dev.nostdwasm.api.Engine;
import dev.nostdwasm.api.EngineConfig;
import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import dev.nostdwasm.api.WasmException;

/**
 * The forked JVM of {@link TrapInstallFailureTest}, run where the platform shim cannot install
 * its trap handlers: makes an engine of each profile, {@code native-signals} first (the first
 * such engine makes the shim install), and prints one line per profile: {@code <profile>: engine
 * made} or {@code <profile>: <exception class>: <message>}. Exits 0, or 1 after printing any
 * other failure.
 *
 * <p>Usage: {@code TrapInstallFailure <provider>}.
 */
public final class TrapInstallFailure {
    private TrapInstallFailure() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TrapInstallFailure <provider>");
            System.exit(2);
        }
        try {
            NoStdRuntime runtime = NoStdRuntime.load(args[0]);
            for (Profile profile : new Profile[] {Profile.NATIVE_SIGNALS, Profile.NATIVE, Profile.PULLEY}) {
                try (Engine engine = runtime.newEngine(EngineConfig.of(profile))) {
                    System.out.println(profile.cliName() + ": engine made");
                } catch (WasmException e) {
                    System.out.println(profile.cliName() + ": " + e.getClass().getName() + ": " + e.getMessage());
                }
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
