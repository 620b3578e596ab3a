package dev.nostdwasm.api;

/** One import of a module: {@code module}.{@code name} of type {@code type}. */
public record ImportType(String module, String name, ExternType type) {}
