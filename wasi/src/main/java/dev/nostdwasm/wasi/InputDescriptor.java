package dev.nostdwasm.wasi;

import java.io.InputStream;

/** Standard input: a stream, not seekable. */
record InputDescriptor(InputStream in) implements Descriptor {}
