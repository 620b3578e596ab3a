package dev.nostdwasm.api;

/**
 * An access from Java to a {@link Memory} that the memory cannot satisfy: bytes outside its
 * current size (checked on every access, so also after the memory grew or shrank from view), or a
 * NUL-terminated string with no NUL within the maximum length given. Addresses often come from
 * the guest, so this is what a host function sees when the guest passes a bad pointer.
 */
public class MemoryAccessException extends WasmException {
    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The first byte asked for. */
    private final long address;
    /** How many bytes were asked for. */
    private final long length;
    /** The memory's size then. */
    private final long memorySize;

    /**
     * An exception about {@code length} bytes at {@code address} of a memory of {@code memorySize} bytes.
     *
     * @param message the problem and how to fix it
     * @param address the first byte asked for
     * @param length how many bytes were asked for
     * @param memorySize the memory's size in bytes at the time
     */
    public MemoryAccessException(String message, long address, long length, long memorySize) {
        super(message);
        this.address = address;
        this.length = length;
        this.memorySize = memorySize;
    }

    /**
     * The address of the first byte asked for.
     *
     * @return the address, as given (it may be negative)
     */
    public long address() {
        return address;
    }

    /**
     * How many bytes were asked for.
     *
     * @return the length in bytes (for a NUL-terminated string: the maximum length given)
     */
    public long length() {
        return length;
    }

    /**
     * The memory's size when it was accessed.
     *
     * @return the size in bytes
     */
    public long memorySize() {
        return memorySize;
    }
}
