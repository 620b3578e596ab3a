package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JNI provider, asked for with --provider (its own JVM: surefire forks per class). */
class JniProviderTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void runsThroughJni(Profile profile) {
        Nsw.Result r = Nsw.run("run", "--provider", "jni", "--profile", profile.cliName(),
                Nsw.wat("add.wat").toString(), "--invoke", "add", "2", "3");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("5\n", r.out());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void trapsThroughJni(Profile profile) {
        Nsw.Result r = Nsw.run("run", "--provider", "jni", "--profile", profile.cliName(),
                Nsw.wat("traps.wat").toString(), "--invoke", "div", "1", "0");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("trap: INTEGER_DIVISION_BY_ZERO: "), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void runsAWasiCommandThroughJni(Profile profile) {
        Nsw.Result r = Nsw.run("run", "--provider", "jni", "--profile", profile.cliName(),
                Nsw.wasiTool().toString(), "echo", "through", "jni");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("through\njni\n", r.out());
        assertEquals(5, Nsw.run("run", "--provider", "jni", "--profile", profile.cliName(),
                Nsw.wasiTool().toString(), "exit", "5").exit());
    }
}
