package org.iotahome.protocol.trinary;

/**
 * The iota.lib.js / jota {@code asciiToTrytes} rule (PROTOCOL.md §1): char code c (0..255) becomes
 * {@code ALPHABET[c % 27]} then {@code ALPHABET[c / 27]}.
 */
public final class AsciiTrytes {

    private AsciiTrytes() {
    }

    public static String toTrytes(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 255)
                throw new IllegalArgumentException(
                        "only char codes 0..255 convert to trytes; found U+" + String.format("%04X", (int) c) + " at " + i);
            out.append(Trytes.ALPHABET.charAt(c % 27)).append(Trytes.ALPHABET.charAt(c / 27));
        }
        return out.toString();
    }

    /** The text of an even-length tryte string; refuses pairs that are no char code 0..255. */
    public static String fromTrytes(String trytes) {
        Trytes.requireTrytes("ascii trytes", trytes);
        if (trytes.length() % 2 != 0)
            throw new IllegalArgumentException("ascii trytes must have an even length, was " + trytes.length());
        StringBuilder out = new StringBuilder(trytes.length() / 2);
        for (int i = 0; i < trytes.length(); i += 2) {
            int code = Trytes.ALPHABET.indexOf(trytes.charAt(i)) + 27 * Trytes.ALPHABET.indexOf(trytes.charAt(i + 1));
            if (code > 255)
                throw new IllegalArgumentException("tryte pair " + trytes.substring(i, i + 2) + " at " + i + " is no char code 0..255");
            out.append((char) code);
        }
        return out.toString();
    }
}
