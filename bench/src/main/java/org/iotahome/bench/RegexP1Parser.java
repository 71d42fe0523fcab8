package org.iotahome.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of {@code bench p1}: a P1 reader written the common way, as many open-source
 * readers are. The stream is kept as text, a telegram is cut from '/' to '!' with indexOf, its
 * CRC16 is checked bit by bit, its lines are matched with a regular expression and every value
 * goes into a HashMap, numbers parsed with {@link Double#parseDouble}. As strict about the CRC as
 * ours; it keeps no offsets, reports no reasons and knows no DSMR 2.2 or encrypted frames.
 */
final class RegexP1Parser {

    private static final Pattern LINE = Pattern.compile("^(\\d+-\\d+:\\d+\\.\\d+\\.\\d+)((?:\\([^)]*\\))+)\\r?$", Pattern.MULTILINE);
    private static final Pattern VALUE = Pattern.compile("\\(([^)]*)\\)");

    private final StringBuilder pending = new StringBuilder();
    long rejected;

    /** Feeds a chunk; hands each telegram with a good CRC to {@code sink} as code -> values. */
    void feed(byte[] chunk, int off, int len, Consumer<Map<String, List<Object>>> sink) {
        pending.append(new String(chunk, off, len, StandardCharsets.ISO_8859_1));
        while (true) {
            int start = pending.indexOf("/");
            if (start < 0) {
                pending.setLength(0);
                return;
            }
            int bang = pending.indexOf("!", start);
            if (bang < 0 || bang + 5 > pending.length()) return;
            String body = pending.substring(start, bang + 1);
            int crc = Integer.parseInt(pending.substring(bang + 1, bang + 5), 16);
            pending.delete(0, bang + 5);
            if (crc != crc16(body.getBytes(StandardCharsets.ISO_8859_1))) {
                rejected++;
                continue;
            }
            sink.accept(parse(body));
        }
    }

    private static Map<String, List<Object>> parse(String body) {
        Map<String, List<Object>> objects = new HashMap<>();
        Matcher line = LINE.matcher(body);
        while (line.find()) {
            List<Object> values = new ArrayList<>(2);
            Matcher value = VALUE.matcher(line.group(2));
            while (value.find()) {
                String v = value.group(1);
                int star = v.indexOf('*');
                values.add(star > 0 ? Double.parseDouble(v.substring(0, star)) : v);
            }
            objects.put(line.group(1), values);
        }
        return objects;
    }

    /** CRC-16/ARC, one bit at a time. */
    private static int crc16(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }
}
