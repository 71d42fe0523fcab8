package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    /** A text with its bytes, compared as bytes (cheaper than a String's chars); one object, so a racing insert never pairs one text's bytes with another's String. */
    private record Entry(byte[] bytes, String text) {
    }

    private final Entry[] table;
    private final int capacity;
    private final boolean intern;
    private volatile int size;

    /** @param capacity how many distinct texts are kept; the table is never more than half full */
    SharedTexts(int capacity) {
        this(capacity, false);
    }

    /**
     * @param intern true to keep the JVM's interned String of each text: for OBIS codes, so a
     *               {@code switch} on a code, whose String.equals tests identity first, finds the
     *               code's literal at once (bounded: only the {@code capacity} texts kept)
     */
    SharedTexts(int capacity, boolean intern) {
        if (capacity < 1 || capacity > 1 << 16) throw new IllegalArgumentException("capacity 1..65536, got " + capacity);
        this.capacity = capacity;
        this.intern = intern;
        this.table = new Entry[Math.max(4, Integer.highestOneBit(Math.max(1, capacity - 1)) << 2)];
    }

    /** One step of the hash {@link #of(byte[], int, int, int)} takes: over each byte in turn from 0. */
    static int hash(int hash, int b) {
        return 31 * hash + b;
    }

    /** The text of {@code b[from, to)} as ISO-8859-1. */
    String of(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = hash(h, b[i]);
        return of(b, from, to, h);
    }

    /** As {@link #of(byte[], int, int)}, when the caller made the bytes' {@link #hash} as it read them. */
    String of(byte[] b, int from, int to, int h) {
        if (to - from > MAX_LENGTH) return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        int mask = table.length - 1;
        for (int slot = (h ^ h >>> 16) & mask, probes = 0; probes < table.length; slot = (slot + 1) & mask, probes++) {
            Entry known = table[slot];
            if (known == null) {
                String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < capacity) {
                    if (intern) text = text.intern();
                    table[slot] = new Entry(Arrays.copyOfRange(b, from, to), text);
                    size++;
                }
                return text;
            }
            byte[] k = known.bytes;
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) return known.text;
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
