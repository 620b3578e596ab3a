package dev.nostdwasm.wasi;

import java.io.OutputStream;

/** Standard output or error: a stream, not seekable. */
record OutputDescriptor(OutputStream out) implements Descriptor {}
