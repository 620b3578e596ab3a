package dev.nostdwasm.wasi;

import java.io.IOException;

/** What a guest file descriptor stands for. */
sealed interface Descriptor permits InputDescriptor, OutputDescriptor, DirectoryDescriptor, FileDescriptor {

    /** Releases what the descriptor holds (not the host's standard streams). */
    default void close() throws IOException {}
}
