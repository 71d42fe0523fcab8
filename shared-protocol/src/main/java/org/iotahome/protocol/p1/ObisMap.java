package org.iotahome.protocol.p1;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The OBIS lines of one telegram, code to raw text, in telegram order: a read-only map over two
 * arrays. A telegram has some 35 lines and every one is kept, so this is on the hot path: it
 * costs a fraction of a hash map's memory and time. Filled once by the parser, then never changed.
 */
final class ObisMap extends AbstractMap<String, String> {

    private String[] keys = new String[48];
    private String[] values = new String[48];
    private int[] hashes = new int[48];
    private int size;

    /** Adds a line; a code seen before keeps its place and takes the newer text. */
    void add(String code, String raw) {
        int h = code.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && (keys[i] == code || keys[i].equals(code))) {
                values[i] = raw;
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        keys[size] = code;
        values[size] = raw;
        hashes[size++] = h;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String k)) return -1;
        int h = k.hashCode();
        for (int i = 0; i < size; i++) if (hashes[i] == h && keys[i].equals(k)) return i;
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
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
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
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
