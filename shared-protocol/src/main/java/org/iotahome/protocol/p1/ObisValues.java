package org.iotahome.protocol.p1;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Reads the values of an OBIS line, {@code (v1)(v2)...} with values like {@code 000123.456*kWh},
 * {@code 101209113020W} or hex text. Scans characters: this runs for every line of every telegram.
 * A value that cannot be read gives NaN or null; the caller leaves the field out.
 */
final class ObisValues {

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** DSMR 2.2 timestamps carry no S/W flag; NL and BE keep Central European time. */
    private static final ZoneRules CET = ZoneId.of("Europe/Amsterdam").getRules();

    private ObisValues() {
    }

    /** The text inside the {@code k}-th (0-based) pair of parentheses of {@code raw}, or null. */
    static String group(String raw, int k) {
        int open = -1;
        for (int i = 0, seen = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '(') {
                if (seen++ == k) { open = i; break; }
            }
        }
        if (open < 0) return null;
        int close = raw.indexOf(')', open + 1);
        return close < 0 ? null : raw.substring(open + 1, close);
    }

    /** The number of value groups in {@code raw}. */
    static int groupCount(String raw) {
        int n = 0;
        for (int i = 0; i < raw.length(); i++) if (raw.charAt(i) == '(') n++;
        return n;
    }

    /** The unit after '*' in a value, or null when the value has none. */
    static String unit(String value) {
        int star = value.indexOf('*');
        return star < 0 ? null : value.substring(star + 1).trim();
    }

    /**
     * A decimal value in the unit the caller expects (kWh, kW, ...). A value in W or Wh where the
     * standard says kW or kWh is scaled, so a meter that prints the smaller unit still reads right.
     */
    static double decimal(String value) {
        if (value == null) return Double.NaN;
        int end = value.indexOf('*');
        double d = plainDecimal(value, end < 0 ? value.length() : end);
        if (end >= 0) {
            String unit = value.substring(end + 1).trim();
            if (unit.equals("W") || unit.equals("Wh")) d /= 1000;
        }
        return d;
    }

    private static double plainDecimal(String s, int end) {
        int i = 0;
        while (i < end && s.charAt(i) == ' ') i++;
        while (end > i && s.charAt(end - 1) == ' ') end--;
        boolean negative = i < end && s.charAt(i) == '-';
        if (negative || i < end && s.charAt(i) == '+') i++;
        long mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) return Double.parseDouble(s.substring(0, end).trim().replace(',', '.'));
                mantissa = mantissa * 10 + (c - '0');
                if (scale >= 0) scale++;
            } else if ((c == '.' || c == ',') && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) return Double.NaN;
        // Both operands are exact doubles (mantissa < 2^53, 10^scale <= 10^22): one correctly rounded division.
        double d = scale <= 0 ? mantissa : mantissa < (1L << 53) && scale < POW10.length
                ? mantissa / POW10[scale] : Double.parseDouble(s.substring(0, end).trim().replace(',', '.'));
        return negative ? -d : d;
    }

    /** An integral value such as {@code 0002} or {@code 00004}, or null. */
    static Integer integer(String value) {
        double d = decimal(value);
        if (Double.isNaN(d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) return null;
        return (int) d;
    }

    /**
     * {@code YYMMDDhhmmssX} as ISO-8601 with the meter's offset: S (summer) is +02:00, W (winter)
     * +01:00 (DSMR 5.0.2 §6.4). Without the flag (DSMR 2.2) the offset is Central European time's
     * at that moment. Null when the text is no such timestamp.
     */
    static String timestamp(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (v.length() < 12 || v.length() > 13) return null;
        for (int i = 0; i < 12; i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
        int month = two(v, 2), day = two(v, 4), hour = two(v, 6), minute = two(v, 8), second = two(v, 10);
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
        String offset;
        if (v.length() == 13) {
            char flag = v.charAt(12);
            if (flag == 'S' || flag == 's') offset = "+02:00";
            else if (flag == 'W' || flag == 'w') offset = "+01:00";
            else return null;
        } else {
            try {
                LocalDateTime local = LocalDateTime.of(2000 + two(v, 0), month, day, hour, minute, second);
                ZoneOffset o = CET.getValidOffsets(local).stream().findFirst().orElse(CET.getOffset(local));
                offset = o.getId();
            } catch (java.time.DateTimeException e) {
                return null;            // e.g. 31 February: no such moment
            }
        }
        return new StringBuilder(25).append("20").append(v, 0, 2).append('-').append(v, 2, 4).append('-')
                .append(v, 4, 6).append('T').append(v, 6, 8).append(':').append(v, 8, 10).append(':')
                .append(v, 10, 12).append(offset).toString();
    }

    private static int two(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    /** Hex text (0-0:96.1.1, the equipment identifier) decoded to characters; other text as it came. */
    static String hexText(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (v.isEmpty() || v.length() % 2 != 0) return v;
        char[] out = new char[v.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(v.charAt(2 * i), 16), lo = Character.digit(v.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) return v;
            out[i] = (char) (hi << 4 | lo);
        }
        return new String(out);
    }
}
