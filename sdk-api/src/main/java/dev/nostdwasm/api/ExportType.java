package dev.nostdwasm.api;

/** One export of a module. */
public record ExportType(String name, ExternType type) {}
