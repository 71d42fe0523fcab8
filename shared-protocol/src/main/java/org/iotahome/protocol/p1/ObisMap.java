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
 * text and cut out only when read: no String per line on the hot path. A small open-addressing
 * index on the code finds lines without a scan. Filled once by the parser, then never changed.
 */
final class ObisMap extends AbstractMap<String, String> {

    /** The telegram text spans point into; null when every value was given as text. */
    private final String source;
    private String[] keys = new String[48];
    /**
     * A value given as text (a 2.2 object spread over lines), or null: then {@code spans} hold it.
     * Null until the first such value: most telegrams have none.
     */
    private String[] texts;
    private int[] spans = new int[96];
    /** Code hash slot to index + 1; 0 is empty. At most three quarters full. */
    private int[] index = new int[64];
    private int size;

    /** For values given as text only. */
    ObisMap() {
        this(null);
    }

    /** For values cut from {@code source} by {@link #add(String, int, int)}. */
    ObisMap(String source) {
        this.source = source;
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
        int i = slotOf(code);
        if (texts != null) texts[i] = null;
        spans[2 * i] = from;
        spans[2 * i + 1] = to;
    }

    /** The entry index for {@code code}, appended when new. */
    private int slotOf(String code) {
        int found = indexOf(code);
        if (found >= 0) return found;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            if (texts != null) texts = Arrays.copyOf(texts, size * 2);
            spans = Arrays.copyOf(spans, size * 4);
        }
        if (4 * (size + 1) > 3 * index.length) rehash(index.length * 2);
        keys[size] = code;
        insert(code, size);
        return size++;
    }

    private void insert(String code, int i) {
        int mask = index.length - 1;
        int slot = spread(code.hashCode()) & mask;
        while (index[slot] != 0) slot = (slot + 1) & mask;
        index[slot] = i + 1;
    }

    private void rehash(int slots) {
        index = new int[slots];
        for (int i = 0; i < size; i++) insert(keys[i], i);
    }

    private static int spread(int h) {
        return h ^ h >>> 16;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String k)) return -1;
        int mask = index.length - 1;
        for (int slot = spread(k.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int i = index[slot] - 1;
            if (i < 0) return -1;
            if (keys[i] == k || keys[i].equals(k)) return i;
        }
    }

    private String value(int i) {
        String t = texts == null ? null : texts[i];
        return t != null ? t : source.substring(spans[2 * i], spans[2 * i + 1]);
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
