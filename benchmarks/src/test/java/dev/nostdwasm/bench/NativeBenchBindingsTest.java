package dev.nostdwasm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Rust driver declares the {@code nsw.h} functions it calls by hand (it is built with plain
 * rustc, without bindgen): each declaration must name a function of the generated header with
 * the same number of parameters and the same kind of result, so the driver cannot drift from
 * the C ABI unnoticed.
 */
class NativeBenchBindingsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path HEADER = ROOT.resolve("rust-nostd/include/nsw.h");
    static final Path DRIVER = ROOT.resolve("benchmarks/src/main/rust/native_bench.rs");

    /** A function's shape: how many parameters, and whether it returns a value. */
    record Shape(int params, boolean returnsValue) {
    }

    static int countParams(String list) {
        String trimmed = list.strip();
        if (trimmed.isEmpty() || trimmed.equals("void")) {
            return 0;
        }
        // Function-pointer parameters are typedef'd in nsw.h and in the driver, so commas
        // separate parameters.
        return trimmed.split(",").length;
    }

    static Map<String, Shape> header() throws IOException {
        String text = Files.readString(HEADER).replaceAll("/\\*(?s:.*?)\\*/", " ");
        Matcher m = Pattern.compile("(?m)^([\\w\\s*]+?)\\b(nsw_\\w+)\\(([^;{]*?)\\);").matcher(text);
        Map<String, Shape> functions = new TreeMap<>();
        while (m.find()) {
            boolean value = !m.group(1).strip().equals("void");
            functions.put(m.group(2), new Shape(countParams(m.group(3)), value));
        }
        return functions;
    }

    static Map<String, Shape> driver() throws IOException {
        String text = Files.readString(DRIVER);
        int block = text.indexOf("extern \"C\" {");
        String decls = text.substring(block, text.indexOf("\n}", block));
        Matcher m = Pattern.compile("fn (nsw_\\w+)\\(((?s:[^)]*))\\)\\s*(->[^;]+)?;").matcher(decls);
        Map<String, Shape> functions = new TreeMap<>();
        while (m.find()) {
            functions.put(m.group(1), new Shape(countParams(m.group(2).replaceAll(",\\s*$", "")), m.group(3) != null));
        }
        return functions;
    }

    @Test
    void everyDeclarationMatchesTheHeader() throws IOException {
        Map<String, Shape> header = header();
        Map<String, Shape> driver = driver();
        assertFalse(header.isEmpty(), "no prototypes read from " + HEADER);
        assertFalse(driver.isEmpty(), "no extern \"C\" declarations read from " + DRIVER);
        List<String> problems = new ArrayList<>();
        driver.forEach((name, shape) -> {
            Shape expected = header.get(name);
            if (expected == null) {
                problems.add(name + ": not in nsw.h");
            } else if (!expected.equals(shape)) {
                problems.add(name + ": nsw.h has " + expected + ", the driver declares " + shape);
            }
        });
        assertEquals(List.of(), problems, "native_bench.rs's extern block and " + HEADER.getFileName()
                + " disagree: update the declarations to the header");
    }
}
