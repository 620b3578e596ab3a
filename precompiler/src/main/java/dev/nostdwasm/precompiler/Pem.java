package dev.nostdwasm.precompiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/** PEM files: one base64 block between {@code -----BEGIN <label>-----} and {@code -----END <label>-----}. */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the {@code label} block in {@code file}; errors name the file and what to give. */
    static byte[] read(Path file, String label, String what, String how) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new PrecompileException(file, "the " + what + " " + file + " does not exist: " + how);
        } catch (IOException e) {
            throw new PrecompileException(file, "cannot read the " + what + " " + file + ": " + e, e);
        }
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            throw new PrecompileException(file, "the " + what + " " + file + " is not a PEM file: " + how);
        }
        int labelEnd = text.indexOf("-----", begin + 11);
        if (labelEnd < 0) {
            throw new PrecompileException(file, "the " + what + " " + file + " is not valid PEM: " + how);
        }
        String found = text.substring(begin + 11, labelEnd);
        if (!found.equals(label)) {
            throw new PrecompileException(file, "the " + what + " " + file + " holds a PEM \"" + found
                    + "\", not a \"" + label + "\": " + how);
        }
        String end = "-----END " + label + "-----";
        int endAt = text.indexOf(end, labelEnd);
        if (endAt < 0) {
            throw new PrecompileException(file, "the " + what + " " + file + " is not valid PEM (no " + end + "): " + how);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(labelEnd + 5, endAt).strip());
        } catch (IllegalArgumentException e) {
            throw new PrecompileException(file, "the " + what + " " + file + " is not valid PEM (" + e.getMessage() + "): " + how);
        }
    }
}
