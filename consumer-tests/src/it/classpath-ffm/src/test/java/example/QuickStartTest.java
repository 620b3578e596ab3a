package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.Profile;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void addsOnTheClassPathWithTheOneProvider() throws Exception {
        NoStdRuntime runtime = NoStdRuntime.load();
        assertEquals(System.getProperty("nostdwasm.expected.provider"), runtime.provider());
        assertEquals(5, QuickStart.add(runtime, Profile.NATIVE, 2, 3));
        assertEquals(5, QuickStart.add(runtime, Profile.PULLEY, 2, 3));
    }
}
