package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;

/**
 * One shared String per OBIS code: a meter repeats the same 30-odd codes every second, so the
 * parser looks the bytes up instead of making (and hashing) a new String per line. Bounded: past
 * {@link #CAPACITY} distinct codes, new ones are simply allocated. One table per parser; racy by
 * design when a parser is shared: a slot holds an immutable String or null, and a lost insert only
 * costs one allocation.
 */
final class ObisCodes {

    private static final int CAPACITY = 512;
    private static final int SLOTS = 1024;          // power of two, at most half full
    private final String[] table = new String[SLOTS];
    private volatile int size;

    String of(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        int mask = SLOTS - 1;
        for (int slot = (h ^ h >>> 16) & mask, probes = 0; probes < SLOTS; slot = (slot + 1) & mask, probes++) {
            String s = table[slot];
            if (s == null) {
                String code = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < CAPACITY) {
                    table[slot] = code;
                    size++;
                }
                return code;
            }
            if (equals(s, b, from, to)) return s;
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean equals(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != b[from + i]) return false;
        return true;
    }
}
