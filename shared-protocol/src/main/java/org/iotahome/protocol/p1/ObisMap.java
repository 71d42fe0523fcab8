package org.iotahome.protocol.p1;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The OBIS lines of one telegram, code to raw text, in telegram order: a read-only map over
 * arrays. A telegram has some 35 lines and every one is kept, but the raw texts are mostly never
 * asked for (DATA leaves them out, PROTOCOL §7), so a line is kept as its span in the telegram's
 * text and cut out only when read: no String per line on the hot path. Filled once by the parser,
 * then never changed. Every telegram makes one, so it allocates little: a span is one int (from
 * and length, 16 bits each) in the usual telegram under 64 KiB, and the hash index for
 * {@link #get} is built on the first lookup; while filling, a 256-bit filter on the code's hash
 * tells a new code (nearly every one) from a repeat without it.
 */
final class ObisMap extends AbstractMap<String, String> {

    private static final int INITIAL = 40;          // a DSMR 5 telegram's lines, with room for M-bus devices

    /** The telegram text spans point into; null when every value was given as text. */
    private final String source;
    /** Spans of a source under 64 KiB are packed, from << 16 | length; else from and to, two ints. */
    private final boolean packed;
    private String[] keys = new String[INITIAL];
    /**
     * A value given as text (a 2.2 object spread over lines), or null: then {@code spans} hold it.
     * Null until the first such value: most telegrams have none.
     */
    private String[] texts;
    private int[] spans;
    /**
     * Code hash slot to index + 1; 0 is empty. At most three quarters full. Null until a lookup;
     * volatile because a reading is shared between threads once built, and any of them may build it.
     */
    private volatile int[] index;
    /** Bit h & 255 of each code's hash h: a clear bit means the code is not here yet. */
    private long seen0, seen1, seen2, seen3;
    private int size;

    /** For values given as text only. */
    ObisMap() {
        this(null);
    }

    /** For values cut from {@code source} by {@link #add(String, int, int)}. */
    ObisMap(String source) {
        this.source = source;
        this.packed = source != null && source.length() <= 0xFFFF;
        this.spans = new int[packed ? INITIAL : 2 * INITIAL];
    }

    /** Adds a line; a code seen before keeps its place and takes the newer text. */
    void add(String code, String raw) {
        int i = slotOf(code);
        if (texts == null) texts = new String[keys.length];
        texts[i] = raw;
    }

    /** Adds a line whose raw text is {@code source[from, to)}. */
    void add(String code, int from, int to) {
        if (source == null) throw new IllegalStateException("this map cuts no values from a telegram");
        if (from < 0 || to < from || to > source.length())
            throw new IndexOutOfBoundsException("span " + from + ".." + to + " outside the telegram's " + source.length());
        int i = slotOf(code);
        if (texts != null) texts[i] = null;
        if (packed) {
            spans[i] = from << 16 | (to - from);
        } else {
            spans[2 * i] = from;
            spans[2 * i + 1] = to;
        }
    }

    /** The entry index for {@code code}, appended when new. */
    private int slotOf(String code) {
        int bit = spread(code.hashCode()) & 255;
        long mask = 1L << bit;
        long seen = switch (bit >>> 6) {
            case 0 -> seen0;
            case 1 -> seen1;
            case 2 -> seen2;
            default -> seen3;
        };
        if ((seen & mask) != 0) {
            int found = scan(code);
            if (found >= 0) return found;
        } else {
            switch (bit >>> 6) {
                case 0 -> seen0 |= mask;
                case 1 -> seen1 |= mask;
                case 2 -> seen2 |= mask;
                default -> seen3 |= mask;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            if (texts != null) texts = Arrays.copyOf(texts, size * 2);
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        keys[size] = code;
        if (index != null) index = null;        // rebuilt on the next lookup
        return size++;
    }

    /** A repeat's index by a scan: only when the filter says the code may be here already. */
    private int scan(String code) {
        for (int i = 0; i < size; i++) if (keys[i] == code || keys[i].equals(code)) return i;
        return -1;
    }

    private int[] index() {
        int[] built = index;
        if (built != null) return built;
        int slots = 16;
        while (4 * size > 3 * slots) slots *= 2;
        built = new int[slots];
        for (int i = 0; i < size; i++) {
            int slot = spread(keys[i].hashCode()) & (slots - 1);
            while (built[slot] != 0) slot = (slot + 1) & (slots - 1);
            built[slot] = i + 1;
        }
        return index = built;
    }

    private static int spread(int h) {
        return h ^ h >>> 16;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String k)) return -1;
        int[] slots = index();
        int mask = slots.length - 1;
        for (int slot = spread(k.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (i < 0) return -1;
            if (keys[i] == k || keys[i].equals(k)) return i;
        }
    }

    private String value(int i) {
        String t = texts == null ? null : texts[i];
        if (t != null) return t;
        return packed ? source.substring(spans[i] >>> 16, (spans[i] >>> 16) + (spans[i] & 0xFFFF))
                : source.substring(spans[2 * i], spans[2 * i + 1]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) throw new NoSuchElementException("no OBIS line after " + size);
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], value(i));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Read-only as it is; any other map is copied, keeping its order. */
    static Map<String, String> readOnly(Map<String, String> map) {
        return map instanceof ObisMap ? map : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
}
