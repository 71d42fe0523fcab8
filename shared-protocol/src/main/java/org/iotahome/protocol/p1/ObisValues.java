package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Reads the values of an OBIS line, {@code (v1)(v2)...} with values like {@code 000123.456*kWh},
 * {@code 101209113020W} or hex text, straight from the telegram's bytes: this runs for every
 * line of every telegram, so it scans bytes and makes no intermediate strings. A value is the
 * range {@code [from, to)} inside its parentheses. One that cannot be read gives NaN or null;
 * the caller leaves the field out.
 */
final class ObisValues {

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** DSMR 2.2 timestamps carry no S/W flag; NL and BE keep Central European time. */
    private static final ZoneRules CET = ZoneId.of("Europe/Amsterdam").getRules();

    private ObisValues() {
    }

    /** Where the {@code k}-th (0-based) value after {@code from} starts (just after its '('), or -1. */
    static int valueStart(byte[] b, int from, int to, int k) {
        for (int i = from, seen = 0; i < to; i++)
            if (b[i] == '(' && seen++ == k) return i + 1;
        return -1;
    }

    /** Where the value starting at {@code start} ends (its ')'), or {@code to}. */
    static int valueEnd(byte[] b, int start, int to) {
        for (int i = start; i < to; i++) if (b[i] == ')') return i;
        return to;
    }

    /** The number of values in {@code [from, to)}. */
    static int valueCount(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (b[i] == '(') n++;
        return n;
    }

    static String text(byte[] b, int from, int to) {
        return text(b, from, to, null);
    }

    /** The text trimmed of spaces, the one in {@code shared} when it holds it (null: a new String). */
    static String text(byte[] b, int from, int to, SharedTexts shared) {
        while (from < to && b[from] == ' ') from++;
        while (to > from && b[to - 1] == ' ') to--;
        return shared != null ? shared.of(b, from, to) : new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The unit after '*' in a value, or null when the value has none; from {@code shared} when it holds it. */
    static String unit(byte[] b, int from, int to, SharedTexts shared) {
        for (int i = from; i < to; i++) if (b[i] == '*') return text(b, i + 1, to, shared);
        return null;
    }

    /**
     * A decimal value in the unit the caller expects (kWh, kW, ...). A value in W or Wh where the
     * standard says kW or kWh is scaled, so a meter that prints the smaller unit still reads right.
     */
    static double decimal(byte[] b, int from, int to) {
        int star = from;
        while (star < to && b[star] != '*') star++;
        int milli = 0;
        if (star < to) {
            int u = star + 1, ue = to;
            while (u < ue && b[u] == ' ') u++;
            while (ue > u && b[ue - 1] == ' ') ue--;
            if (ue > u && b[u] == 'W' && (ue - u == 1 || ue - u == 2 && b[u + 1] == 'h')) milli = 3;
        }
        // W to kW in the same single division, so 000737.28*W reads 0.73728, not 0.7372799999999999
        return plainDecimal(b, from, star, milli);
    }

    /**
     * {@link #decimal} of the first value of an object whose raw text {@code b[open, to)} starts
     * with its '(': the usual {@code (000123.456*kWh)} is read in the one scan that finds its end;
     * anything else takes the general path, so the result is always the same.
     */
    static double firstDecimal(byte[] b, int open, int to) {
        int i = open + 1;
        long mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (scale >= 0) scale++;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                break;
            }
        }
        int milli = 0;
        if (i < to && b[i] == '*') {
            int u = i + 1;
            if (u + 1 < to && b[u] == 'W' && b[u + 1] == ')') {
                milli = 3;
                i = u + 1;
            } else if (u + 2 < to && b[u] == 'W' && b[u + 1] == 'h' && b[u + 2] == ')') {
                milli = 3;
                i = u + 2;
            } else {
                while (u < to && b[u] != ')' && b[u] != ' ') u++;     // a spaced unit takes the general path
                i = u;
            }
        }
        if (i >= to || b[i] != ')' || digits == 0 || digits > 18 || mantissa >= 1L << 53)
            return decimal(b, open + 1, valueEnd(b, open + 1, to));
        int s = Math.max(scale, 0) + milli;
        return s == 0 ? mantissa : mantissa / POW10[s];     // exact operands: one correctly rounded division
    }

    private static double plainDecimal(byte[] b, int i, int end, int extraScale) {
        while (i < end && b[i] == ' ') i++;
        while (end > i && b[end - 1] == ' ') end--;
        int start = i;
        boolean negative = i < end && b[i] == '-';
        if (negative || i < end && b[i] == '+') i++;
        long mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < end; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) return slowDecimal(b, start, end, extraScale);
                mantissa = mantissa * 10 + (c - '0');
                if (scale >= 0) scale++;
            } else if ((c == '.' || c == ',') && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) return Double.NaN;
        int s = Math.max(scale, 0) + extraScale;
        // Both operands are exact doubles (mantissa < 2^53, 10^s <= 10^22): one correctly rounded division.
        double d = s == 0 ? mantissa : mantissa < (1L << 53) && s < POW10.length
                ? mantissa / POW10[s] : slowDecimal(b, start, end, extraScale);
        return negative ? -d : d;
    }

    private static double slowDecimal(byte[] b, int from, int to, int extraScale) {
        return new java.math.BigDecimal(new String(b, from, to - from, StandardCharsets.ISO_8859_1).replace(',', '.'))
                .movePointLeft(extraScale).doubleValue();
    }

    /** An integral value such as {@code 0002} or {@code 00004}, or null. */
    static Integer integer(byte[] b, int from, int to) {
        return integral(decimal(b, from, to));
    }

    /** {@code d} as an Integer when it is one, else null. */
    static Integer integral(double d) {
        if (Double.isNaN(d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) return null;
        return (int) d;
    }

    /**
     * {@code YYMMDDhhmmssX} as ISO-8601 with the meter's offset: S (summer) is +02:00, W (winter)
     * +01:00 (DSMR 5.0.2). Without the flag (DSMR 2.2) the offset is Central European time's
     * at that moment. Null when the text is no such timestamp.
     */
    static String timestamp(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') from++;
        while (to > from && b[to - 1] == ' ') to--;
        int n = to - from;
        if (n < 12 || n > 13) return null;
        for (int i = from; i < from + 12; i++) if (b[i] < '0' || b[i] > '9') return null;
        int month = two(b, from + 2), day = two(b, from + 4), hour = two(b, from + 6), minute = two(b, from + 8),
                second = two(b, from + 10);
        int year = two(b, from);
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59)
            return null;
        if (neverSet(b, from, to)) return null;   // an M-bus slot's "never" is no date, not 2070 or 2000
        String offset;
        if (n == 13) {
            int flag = b[from + 12];
            if (flag == 'S' || flag == 's') offset = "+02:00";
            else if (flag == 'W' || flag == 'w') offset = "+01:00";
            else return null;
        } else {
            try {
                LocalDateTime local = LocalDateTime.of(2000 + two(b, from), month, day, hour, minute, second);
                ZoneOffset o = CET.getValidOffsets(local).stream().findFirst().orElse(CET.getOffset(local));
                offset = o.getId();
            } catch (java.time.DateTimeException e) {
                return null;            // e.g. 31 February: no such moment
            }
        }
        byte[] iso = {'2', '0', b[from], b[from + 1], '-', b[from + 2], b[from + 3], '-', b[from + 4], b[from + 5], 'T',
                b[from + 6], b[from + 7], ':', b[from + 8], b[from + 9], ':', b[from + 10], b[from + 11],
                (byte) offset.charAt(0), (byte) offset.charAt(1), (byte) offset.charAt(2), ':',
                (byte) offset.charAt(4), (byte) offset.charAt(5)};
        return new String(iso, StandardCharsets.ISO_8859_1);
    }

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static int daysIn(int year, int month) {
        return month == 2 && year % 4 == 0 ? 29 : DAYS[month - 1];   // years 2000..2099: every 4th leaps
    }

    /**
     * The never-set time of an empty M-bus slot: {@code 000101000000}, or the Unix epoch
     * {@code 700101000000} in UTC or as CET shows it, {@code 700101010000} (an Iskra AM550 in
     * ndokter/dsmr_parser's TELEGRAM_V5_TWO_MBUS); with any flag.
     */
    static boolean neverSet(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') from++;
        if (to - from < 12) return false;
        if (!(b[from] == '0' || b[from] == '7') || b[from + 1] != '0') return false;
        for (int i = 2; i < 12; i++) {
            byte expected = (byte) (i == 3 || i == 5 ? '1' : '0');
            if (b[from + i] != expected && !(i == 7 && b[from] == '7' && b[from + i] == '1')) return false;
        }
        return true;
    }

    private static int two(byte[] b, int at) {
        return (b[at] - '0') * 10 + b[at + 1] - '0';
    }

    /**
     * Hex text (0-0:96.1.1, the equipment identifier) decoded to characters, other text as it
     * came; the String from {@code shared} when it holds it.
     */
    static String hexText(byte[] b, int from, int to, SharedTexts shared) {
        while (from < to && b[from] == ' ') from++;
        while (to > from && b[to - 1] == ' ') to--;
        int n = to - from;
        if (n == 0 || n % 2 != 0) return text(b, from, to, shared);
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(b[from + 2 * i], 16), lo = Character.digit(b[from + 2 * i + 1], 16);
            int c = hi << 4 | lo;
            // Not hex-encoded text (a heat meter's binary id "621848012D2C0B0C"): keep it as sent.
            if (hi < 0 || lo < 0 || c < 0x20 || c > 0x7E) return text(b, from, to, shared);
            out[i] = (byte) c;
        }
        return text(out, 0, out.length, shared);    // some DSMR 2.2 ids decode with a leading space
    }
}
