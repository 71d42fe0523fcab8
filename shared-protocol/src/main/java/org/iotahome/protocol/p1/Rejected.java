package org.iotahome.protocol.p1;

import java.util.Locale;

/**
 * Bytes that must not become a reading, and why: {@code detail} says what was expected and what
 * came; {@code offset} is where in the byte stream the rejected stretch began.
 */
public record Rejected(Reason reason, String detail, long offset) implements Framed, Parsed {

    public enum Reason {
        /** the CRC16 after '!' does not match the bytes: damaged on the line */
        CRC,
        /** a telegram cut short: the stream ended or broke, or a new '/' came before its '!' */
        INCOMPLETE,
        /** bytes that are no telegram: noise, a bad CRC line, lines that are no OBIS data */
        MALFORMED,
        /**
         * an encrypted frame (0xDB, AES-128-GCM: Luxembourg Smarty) given no key, whose tag does not
         * verify under the key, or whose frame counter did not go forward (a replay)
         */
        ENCRYPTED;

        /** The name printed in {@code {"rejected": ...}}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Rejected {
        if (reason == null) throw new IllegalArgumentException("a rejection needs a reason");
        if (detail == null || detail.isBlank()) throw new IllegalArgumentException("a rejection needs a detail");
        if (offset < 0) throw new IllegalArgumentException("stream offset must be >= 0, got " + offset);
    }
}
