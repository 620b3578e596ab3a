package dev.nostdwasm.it.fuzz.stateful;

/**
 * The exceptions the public API may throw: those of package {@code dev.nostdwasm.api} (the
 * {@code WasmException} family, {@code ClosedException} among them) and the JDK's argument and
 * state checks. Anything else reaching the fuzzer is a failure.
 */
final class TypedErrors {
    private TypedErrors() {}

    static boolean isTyped(Throwable t) {
        return t instanceof RuntimeException && t.getClass().getPackageName().equals("dev.nostdwasm.api")
                || t instanceof IllegalStateException || t instanceof IllegalArgumentException
                || t instanceof IndexOutOfBoundsException || t instanceof UnsupportedOperationException;
    }
}
