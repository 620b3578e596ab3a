package dev.nostdwasm.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What a command of conformance/FORMAT.md is to the test counts. Only assertions are tests:
 * {@code module}, {@code module_instance}, {@code register} and bare {@code action} commands are
 * the setup of the assertion that follows them (it fails when they fail), and the spec's
 * validation and decoding assertions were answered once, by the converter.
 */
enum CommandRole {
    /** Runs before the next test of its file; not a test itself. */
    SETUP,
    /** A runtime assertion ({@code assert_return}, {@code assert_trap}, ...): one test in every row. */
    ASSERTION,
    /** A runtime command the converter turned into a {@code skip}: one skipped test in every row, with its reason. */
    SKIPPED,
    /**
     * {@code assert_invalid} or {@code assert_malformed}, or the converter's {@code skip} of one:
     * checked when the converter compiled the module, so counted once ({@link SpecConversionTest}), in no row.
     */
    CONVERSION;

    private static final Set<String> SETUP_TYPES = Set.of("module", "module_instance", "register", "action");
    private static final Set<String> CONVERSION_TYPES = Set.of("assert_invalid", "assert_malformed");

    static CommandRole of(JsonNode command) {
        String type = WastValues.text(command, "type");
        if (SETUP_TYPES.contains(type)) {
            return SETUP;
        }
        if (CONVERSION_TYPES.contains(type)) {
            return CONVERSION;
        }
        if (type.equals("skip")) {
            return CONVERSION_TYPES.contains(command.path("command").asText()) ? CONVERSION : SKIPPED;
        }
        return ASSERTION;
    }
}
