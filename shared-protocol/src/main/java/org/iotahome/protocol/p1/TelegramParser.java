package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;

/**
 * Reads a framed telegram into a {@link Reading}, for DSMR 2.2, 4.0, 4.2, 5.0 and Belgian
 * (e-MUCS H) meters. Lines are {@code OBIS(value)(value)...}; a line that starts with '(' carries
 * on the line before it (DSMR 2.2 puts the gas value on the line after 0-n:24.3.0). Every OBIS
 * line is kept, known or not; a line that is no OBIS line at all makes the telegram malformed.
 * Liberal about CR LF or LF, spaces, missing lines and units. One pass over the bytes per line,
 * no regular expressions: it runs once a second on a Pi and 200,000 times a second in the bench.
 * Stateless and thread-safe.
 */
public final class TelegramParser {

    /** What {@link #values} returns for a line whose values cannot be read. */
    private static final int UNBALANCED = -1, TEXT_OUTSIDE = -2;

    /** The OBIS codes meters send, one String each. */
    private final SharedTexts codes = new SharedTexts(512, true);
    /** Values meters repeat every second (header, version, ids, units), one String each. */
    private final SharedTexts values = new SharedTexts(256);

    public Parsed parse(Telegram telegram) {
        String t = telegram.text();
        byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
        int end = t.length() - 1;                       // the final '!'
        int headerEnd = lineEnd(t, 1, end);
        int headerFrom = 1, headerTo = headerEnd;
        while (headerFrom < headerTo && (b[headerFrom] & 0xFF) <= ' ') headerFrom++;     // as String.trim
        while (headerTo > headerFrom && (b[headerTo - 1] & 0xFF) <= ' ') headerTo--;
        if (headerFrom == headerTo) return malformed(telegram, "the identification line after '/' is empty");
        String header = values.of(b, headerFrom, headerTo);
        ReadingBuilder reading = new ReadingBuilder(t, values);
        String code = null;
        int rawFrom = 0, rawTo = 0;
        StringBuilder continued = null;                 // only for objects spread over lines (2.2 gas)
        // One pass per line: the code up to '(', then its values up to the LF. No line is cut out first.
        for (int pos = headerEnd; pos < end; ) {
            byte c = b[pos];
            if (c == '\n' || isBlank(c)) {
                pos++;
                continue;
            }
            int from = pos;
            if (c == '(') {
                int valuesEnd = values(b, from, end);
                if (code == null)
                    return malformed(telegram, "line " + lineNumber(b, from) + " continues a value but no OBIS line came before it: '"
                            + line(t, b, from, end) + "'");
                if (valuesEnd < 0)
                    return malformed(telegram, "line " + lineNumber(b, from) + " (continuing " + code + "): "
                            + problem(valuesEnd) + " in '" + line(t, b, from, end) + "'");
                if (continued == null) continued = new StringBuilder().append(t, rawFrom, rawTo);
                continued.append(t, from, valuesEnd);
                pos = valuesEnd;
                continue;
            }
            long scanned = codeEnd(b, from, end);
            int paren = (int) scanned;
            if (scanned == NO_CODE)
                return malformed(telegram, "line " + lineNumber(b, from) + ": expected an OBIS line like 1-0:1.8.1(000123.456*kWh), got '"
                        + line(t, b, from, end) + "'");
            if (code != null) commit(reading, code, t, b, rawFrom, rawTo, continued);
            int codeTo = paren;
            while (codeTo > from && isBlank(b[codeTo - 1])) codeTo--;
            if (codeTo - from > 4 && b[codeTo - 4] == '*' && b[codeTo - 3] == '2' && b[codeTo - 2] == '5'
                    && b[codeTo - 1] == '5') {
                codeTo -= 4;            // IEC 62056-21 '*255' (EasyMeter Q3D): the same object as without it
                reading.sawIecSuffix();
                code = codes.of(b, from, codeTo);
            } else {
                code = codes.of(b, from, codeTo, (int) (scanned >>> 32));
            }
            continued = null;
            rawFrom = paren;
            rawTo = values(b, paren, end);
            if (rawTo < 0)
                return malformed(telegram, "line " + lineNumber(b, from) + " (" + code + "): " + problem(rawTo)
                        + " in '" + line(t, b, from, end) + "'");
            pos = rawTo;
        }
        if (code == null) return malformed(telegram, "the telegram has no OBIS lines between its header and '!'");
        commit(reading, code, t, b, rawFrom, rawTo, continued);
        if (!telegram.crcChecked() && reading.expectsCrc())
            return new Rejected(Rejected.Reason.INCOMPLETE, "the telegram at byte " + telegram.offset() + " is DSMR "
                    + reading.version(header, false) + ", which ends with a CRC16 after '!'; none came", telegram.offset());
        return reading.build(header, telegram.crcChecked() ? Boolean.TRUE : null);
    }

    private static void commit(ReadingBuilder reading, String code, String t, byte[] b, int rawFrom, int rawTo,
                               StringBuilder continued) {
        if (continued == null) reading.accept(code, b, rawFrom, rawTo);
        else reading.accept(code, continued.toString());
    }

    /** What {@link #codeEnd} returns for a line that is no OBIS line. */
    private static final long NO_CODE = -1L;

    /**
     * Where the OBIS code starting at {@code from} ends (its '(') in the low 32 bits and the
     * code's {@link SharedTexts} hash in the high ones, or {@link #NO_CODE} when the line is no
     * OBIS line: digit groups joined by '-', ':', '.' or '*' (1-0:1.8.1, 0-1:24.2.1, and the
     * 1-0:99:97.0 some meters print), at least three groups, spaces allowed before '('. The hash
     * is made in this scan so the code's bytes are read once.
     */
    private static long codeEnd(byte[] b, int from, int end) {
        int groups = 0, hash = 0;
        boolean inDigits = false, spaces = false;
        for (int i = from; i < end; i++) {
            int c = b[i];
            if (c == '(') return groups >= 3 && inDigits ? (long) hash << 32 | i : NO_CODE;
            if (c >= '0' && c <= '9' && !spaces) {
                if (!inDigits) groups++;
                inDigits = true;
            } else if ((c == '-' || c == ':' || c == '.' || c == '*') && inDigits && !spaces) {
                inDigits = false;
            } else if (c == ' ' || c == '\t') {
                spaces = true;
                continue;
            } else {
                return NO_CODE;      // also the line's CR or LF: an OBIS line has its '(' on the line
            }
            hash = SharedTexts.hash(hash, c);
        }
        return NO_CODE;
    }

    /**
     * Checks {@code (v)(v)...} from the '(' at {@code from} to the end of its line (its LF, or
     * {@code end}); returns the end of the last ')', or {@link #UNBALANCED} or {@link #TEXT_OUTSIDE}.
     * Only blanks may follow the last ')' on the line.
     */
    private static int values(byte[] b, int from, int end) {
        int i = from;
        while (true) {
            int close = i + 1;      // values are short: one scan for ')' that stops at '(' or the line's end
            while (close < end && b[close] != ')' && b[close] != '(' && b[close] != '\n') close++;
            if (close >= end || b[close] != ')') return UNBALANCED;
            int next = close + 1;
            while (next < end && isBlank(b[next])) next++;
            if (next >= end || b[next] == '\n') return close + 1;
            if (b[next] != '(') return TEXT_OUTSIDE;
            i = next;
        }
    }

    private static String problem(int code) {
        return code == UNBALANCED ? "unbalanced parentheses" : "text outside parentheses";
    }

    private static Rejected malformed(Telegram telegram, String why) {
        return new Rejected(Rejected.Reason.MALFORMED, "telegram at byte " + telegram.offset() + ": " + why,
                telegram.offset());
    }

    /** Where the line from {@code from} ends: its LF, or the final '!'. A CR before the LF is blank. */
    private static int lineEnd(String t, int from, int end) {
        int lf = t.indexOf('\n', from);
        return lf < 0 || lf > end ? end : lf;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** The line from {@code from}, trimmed, abbreviated: only for messages. */
    private static String line(String t, byte[] b, int from, int end) {
        int to = lineEnd(t, from, end);
        while (to > from && isBlank(b[to - 1])) to--;
        return Telegram.abbreviate(t.substring(from, to));
    }

    /** 1-based, counting the header line: only for messages. */
    private static int lineNumber(byte[] b, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++)
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) n++;
        return n;
    }
}
