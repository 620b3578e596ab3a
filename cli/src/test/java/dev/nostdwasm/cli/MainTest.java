package dev.nostdwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nostdwasm.api.NoStdRuntime;
import dev.nostdwasm.api.TrapCode;
import dev.nostdwasm.api.WasmTrapException;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void version() {
        Nsw.Result r = Nsw.run("--version");
        assertEquals(0, r.exit(), r::toString);
        NoStdRuntime runtime = NoStdRuntime.load();
        String[] lines = r.out().split("\n");
        assertEquals("nsw " + Main.version(), lines[0]);
        assertTrue(Main.version().matches("\\d+\\.\\d+\\.\\d+.*"), Main.version());
        assertEquals("Wasmtime " + runtime.wasmtimeVersion(), lines[1]);
        assertEquals("provider " + runtime.provider(), lines[2]);
        assertTrue(lines[3].startsWith("Java "), r::toString);
    }

    @Test
    void noCommandIsBadUsage() {
        Nsw.Result r = Nsw.run();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("name a command: compile, run or inspect"), r::toString);
        assertTrue(r.err().contains("Usage: nsw [-hV] [COMMAND]"), r::toString);
    }

    @Test
    void unknownCommandOrOption() {
        Nsw.Result r = Nsw.run("exec", "x.wat");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Unmatched arguments from index 0: 'exec', 'x.wat'"), r::toString);
        r = Nsw.run("run", "x.wat", "--invoke", "f", "--verbose");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("Unknown option: '--verbose'"), r::toString);
    }

    @Test
    void trapReportPutsTheReasonFirst() {
        String wasmtime = "error while executing at wasm backtrace:\n    0:     0x96 - <unknown>!<wasm function 2>\n\n"
                + "Caused by:\n    wasm trap: integer divide by zero\n";
        assertEquals("trap: INTEGER_DIVISION_BY_ZERO: wasm trap: integer divide by zero\n"
                + "wasm backtrace:\n    0:     0x96 - <unknown>!<wasm function 2>\n",
                Main.trapReport(new WasmTrapException(TrapCode.INTEGER_DIVISION_BY_ZERO, wasmtime)));
        assertEquals("trap: HOST_EXCEPTION: boom\n",
                Main.trapReport(new WasmTrapException(TrapCode.HOST_EXCEPTION, "boom")));
    }

    @Test
    void help() {
        Nsw.Result r = Nsw.run("help", "inspect");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: nsw inspect "), r::toString);
        r = Nsw.run("--help");
        assertEquals(0, r.exit(), r::toString);
        for (String command : new String[] {"compile", "run", "inspect"}) {
            assertTrue(r.out().contains("\n  " + command + " "), r::toString);
        }
        assertTrue(r.out().contains("3   the WebAssembly trapped"), r::toString);
    }
}
