package dev.nostdwasm.api;

/**
 * One export of a module.
 *
 * @param name the export's name
 * @param type its type
 */
public record ExportType(String name, ExternType type) {}
