package dev.nostdwasm.wasi;

import dev.nostdwasm.api.Caller;
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
    /** The calling instance's memory, pointed at it by each call ({@link GuestMemory#bind}). */
    final GuestMemory memory = new GuestMemory();
    /** Bytes on their way between guest memory and a stream or file, kept to spare each transfer an array. */
    private byte[] transfer = new byte[0];

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

    /**
     * The state of the store making the call: its data, a {@link Wasi}.
     *
     * @throws IllegalStateException when the store's data is not a {@code Wasi} (the call traps)
     */
    static WasiContext of(Caller caller) {
        if (caller.data() instanceof Wasi wasi) {
            return wasi.context;
        }
        throw new IllegalStateException("a WASI function was called from a store whose data is not a Wasi: make"
                + " the store with engine.newStore(Wasi.create(config))");
    }

    /** A buffer of at least {@code length} bytes (its contents are garbage). */
    byte[] transferBuffer(int length) {
        if (transfer.length < length) {
            transfer = new byte[Math.max(length, Math.min(2 * transfer.length, FdImports.MAX_TRANSFER))];
        }
        return transfer;
    }
}
