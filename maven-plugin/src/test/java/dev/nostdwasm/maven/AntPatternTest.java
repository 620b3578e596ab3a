package dev.nostdwasm.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntPatternTest {

    @Test
    void doubleStarSlashMatchesZeroOrMoreDirectories() {
        AntPattern p = AntPattern.of("**/*.wat");
        assertTrue(p.matches("a.wat"));
        assertTrue(p.matches("x/a.wat"));
        assertTrue(p.matches("x/y/a.wat"));
        assertFalse(p.matches("a.wasm"));
        assertFalse(p.matches("a.wat.bak"));
    }

    @Test
    void singleStarStaysInOneSegment() {
        AntPattern p = AntPattern.of("*.wasm");
        assertTrue(p.matches("a.wasm"));
        assertFalse(p.matches("x/a.wasm"));
        assertTrue(AntPattern.of("x/?.wasm").matches("x/a.wasm"));
        assertFalse(AntPattern.of("x/?.wasm").matches("x/ab.wasm"));
    }

    @Test
    void trailingSlashMeansEverythingBelow() {
        AntPattern p = AntPattern.of("skip/");
        assertTrue(p.matches("skip/a.wat"));
        assertTrue(p.matches("skip/deep/a.wat"));
        assertFalse(p.matches("other/a.wat"));
        assertTrue(AntPattern.of("**/tmp/**").matches("a/tmp/b/c.wat"));
        assertTrue(AntPattern.of("**/tmp/**").matches("tmp/c.wat"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(AntPattern.of("a+b(1).wat").matches("a+b(1).wat"));
        assertFalse(AntPattern.of("a.wat").matches("aXwat"));
    }
}
