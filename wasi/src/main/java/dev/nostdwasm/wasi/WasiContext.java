package dev.nostdwasm.wasi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One guest's WASI state: what its config granted, and its descriptor table (0, 1 and 2 are the
 * standard streams, then one per preopen in the order given).
 */
final class WasiContext {
    final List<byte[]> args = new ArrayList<>();
    /** "KEY=VALUE" strings. */
    final List<byte[]> env = new ArrayList<>();
    final WasiClock clock;
    final RandomGenerator random;
    final FdTable fds = new FdTable();

    WasiContext(WasiConfig config) {
        for (String arg : config.args) {
            args.add(arg.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> e : config.env.entrySet()) {
            env.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        clock = config.clock;
        random = config.random;
        try {
            fds.add(new InputDescriptor(config.stdin));
            fds.add(new OutputDescriptor(config.stdout));
            fds.add(new OutputDescriptor(config.stderr));
            for (Preopen p : config.preopens) {
                fds.add(new DirectoryDescriptor(p, List.of(), p.guestPath()));
            }
        } catch (ErrnoException e) {
            throw new IllegalStateException("an empty descriptor table refused a descriptor", e);
        }
    }
}
