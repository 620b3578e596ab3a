package dev.nostdwasm.api;

/**
 * The value of a {@link Val.ExternRef} that wasm made from one of its own references ({@code
 * extern.convert_any} of a struct, array or i31), rather than from a Java object. Java cannot
 * look inside it, but can pass it back to wasm in the same store, where it is the same
 * reference. It stays valid until its store closes.
 */
public interface OpaqueRef {

    /**
     * The store it belongs to.
     *
     * @return the store
     */
    Store store();
}
