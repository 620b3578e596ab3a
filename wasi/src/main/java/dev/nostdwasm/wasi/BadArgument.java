package dev.nostdwasm.wasi;

/**
 * A WASI call given an argument its type does not allow: an enum value the spec does not
 * define, or a flag bit outside its set. The call traps (this becomes the cause of the
 * embedder's {@code WasmTrapException}), as the standard Wasmtime traps when it converts such
 * an argument.
 */
final class BadArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private BadArgument(String message) {
        super(message, null, false, false);
    }

    /** Traps unless {@code value} is at most {@code max}, the last value of enum {@code type}. */
    static void requireEnum(long value, long max, String type) {
        if (value < 0 || value > max) {
            throw new BadArgument("a WASI call was given " + Long.toUnsignedString(value) + " as a " + type
                    + ", which has the values 0 to " + max);
        }
    }

    /** Traps unless {@code value} has no bit outside {@code known}, the bits of flags {@code type}. */
    static void requireFlags(long value, long known, String type) {
        if ((value & ~known) != 0) {
            throw new BadArgument("a WASI call was given " + type + " 0x" + Long.toHexString(value) + ", with bits"
                    + " outside the known 0x" + Long.toHexString(known));
        }
    }
}
