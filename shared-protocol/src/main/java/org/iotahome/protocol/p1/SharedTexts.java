package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;

/**
 * One shared String per short text a meter repeats every second: its 30-odd OBIS codes, and
 * values such as its version, units and equipment ids. The parser looks the bytes up instead of
 * making (and hashing) a new String each time. Bounded: past its capacity, or for a text longer
 * than {@link #MAX_LENGTH}, a new String is simply made. One table per parser and purpose; racy
 * by design when a parser is shared: a slot holds an immutable String or null, and a lost insert
 * only costs one allocation.
 */
final class SharedTexts {

    static final int MAX_LENGTH = 64;
    private final String[] table;
    private final int capacity;
    private volatile int size;

    /** @param capacity how many distinct texts are kept; the table is never more than half full */
    SharedTexts(int capacity) {
        if (capacity < 1 || capacity > 1 << 16) throw new IllegalArgumentException("capacity 1..65536, got " + capacity);
        this.capacity = capacity;
        this.table = new String[Math.max(4, Integer.highestOneBit(Math.max(1, capacity - 1)) << 2)];
    }

    /** The text of {@code b[from, to)} as ISO-8859-1. */
    String of(byte[] b, int from, int to) {
        if (to - from > MAX_LENGTH) return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        int mask = table.length - 1;
        for (int slot = (h ^ h >>> 16) & mask, probes = 0; probes < table.length; slot = (slot + 1) & mask, probes++) {
            String s = table[slot];
            if (s == null) {
                String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < capacity) {
                    table[slot] = text;
                    size++;
                }
                return text;
            }
            if (equals(s, b, from, to)) return s;
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean equals(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != (b[from + i] & 0xFF)) return false;
        return true;
    }
}
