package dev.nostdwasm.api;

/**
 * One import of a module: {@code module}.{@code name} of type {@code type}.
 *
 * @param module the module name it is imported from
 * @param name its name in that module
 * @param type its type
 */
public record ImportType(String module, String name, ExternType type) {}
