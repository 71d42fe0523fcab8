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

    /** Bytes that stop the scan inside a value: its ')' or what may not stand before it. */
    private static final boolean[] VALUE_STOP = new boolean[256];

    static {
        VALUE_STOP[')'] = VALUE_STOP['('] = VALUE_STOP['\r'] = VALUE_STOP['\n'] = true;
    }

    /** Why a line could not be read; null when it could. */
    private String problem;

    public Parsed parse(Telegram telegram) {
        return new TelegramParser().read(telegram);
    }

    private Parsed read(Telegram telegram) {
        byte[] b = telegram.text().getBytes(StandardCharsets.ISO_8859_1);
        int end = b.length - 1;                         // the final '!'
        int headerEnd = lineEnd(b, 1, end);
        String header = ObisValues.text(b, 1, headerEnd).trim();
        if (header.isEmpty()) return malformed(telegram, "the identification line after '/' is empty");
        ReadingBuilder reading = new ReadingBuilder();
        String code = null;
        int rawFrom = 0, rawTo = 0;
        StringBuilder continued = null;                 // only for objects spread over lines (2.2 gas)
        for (int pos = headerEnd; ; ) {
            while (pos < end && (b[pos] == '\r' || b[pos] == '\n' || b[pos] == ' ' || b[pos] == '\t')) pos++;
            if (pos >= end) break;
            int from = pos;
            if (b[from] == '(') {
                int valuesEnd = values(b, from, end);
                if (code == null)
                    return malformed(telegram, "line " + lineNumber(b, from) + " continues a value but no OBIS line came before it: '"
                            + line(b, from, end) + "'");
                if (problem != null)
                    return malformed(telegram, "line " + lineNumber(b, from) + " (continuing " + code + "): " + problem
                            + " in '" + line(b, from, end) + "'");
                if (continued == null) continued = new StringBuilder().append(latin1(b, rawFrom, rawTo));
                continued.append(latin1(b, from, valuesEnd));
                pos = lineEnd(b, valuesEnd, end);
                continue;
            }
            int paren = codeEnd(b, from, end);
            if (paren < 0)
                return malformed(telegram, "line " + lineNumber(b, from) + ": expected an OBIS line like 1-0:1.8.1(000123.456*kWh), got '"
                        + line(b, from, end) + "'");
            if (code != null) commit(reading, code, b, rawFrom, rawTo, continued);
            int codeTo = paren;
            while (codeTo > from && (b[codeTo - 1] == ' ' || b[codeTo - 1] == '\t')) codeTo--;
            code = ObisCodes.of(b, from, codeTo);
            continued = null;
            rawFrom = paren;
            rawTo = values(b, paren, end);
            if (problem != null)
                return malformed(telegram, "line " + lineNumber(b, from) + " (" + code + "): " + problem + " in '"
                        + line(b, from, end) + "'");
            pos = lineEnd(b, rawTo, end);
        }
        if (code == null) return malformed(telegram, "the telegram has no OBIS lines between its header and '!'");
        commit(reading, code, b, rawFrom, rawTo, continued);
        if (!telegram.crcChecked() && reading.expectsCrc())
            return new Rejected(Rejected.Reason.INCOMPLETE, "the telegram at byte " + telegram.offset() + " is DSMR "
                    + reading.version() + ", which ends with a CRC16 after '!'; none came", telegram.offset());
        return reading.build(header, telegram.crcChecked() ? Boolean.TRUE : null);
    }

    private static void commit(ReadingBuilder reading, String code, byte[] b, int rawFrom, int rawTo, StringBuilder continued) {
        if (continued == null) {
            reading.accept(code, latin1(b, rawFrom, rawTo), b, rawFrom, rawTo);
        } else {
            String raw = continued.toString();
            byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
            reading.accept(code, raw, bytes, 0, bytes.length);
        }
    }

    /**
     * Where the OBIS code starting at {@code from} ends (its '('), or -1 when the line is no
     * OBIS line: digit groups joined by '-', ':', '.' or '*' (1-0:1.8.1, 0-1:24.2.1, and the
     * 1-0:99:97.0 some meters print), at least three groups, spaces allowed before '('.
     */
    private static int codeEnd(byte[] b, int from, int end) {
        int groups = 0;
        boolean inDigits = false, spaces = false;
        for (int i = from; i < end; i++) {
            int c = b[i];
            if (c == '(') return groups >= 3 && inDigits ? i : -1;
            if (c >= '0' && c <= '9' && !spaces) {
                if (!inDigits) groups++;
                inDigits = true;
            } else if ((c == '-' || c == ':' || c == '.' || c == '*') && inDigits && !spaces) {
                inDigits = false;
            } else if (c == ' ' || c == '\t') {
                spaces = true;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Scans {@code (v)(v)...} from {@code from} to the line end; returns the end of the last ')'.
     * Sets {@link #problem} when the parentheses do not pair up or text stands between them.
     */
    private int values(byte[] b, int from, int end) {
        problem = null;
        int last = from;
        for (int i = from; i < end; ) {
            int c = b[i];
            if (c == '\r' || c == '\n') break;
            if (c == '(') {
                int j = i + 1;
                while (j < end && !VALUE_STOP[b[j] & 0xFF]) j++;
                if (j >= end || b[j] != ')') {
                    problem = "unbalanced parentheses";
                    return i;
                }
                i = last = j + 1;
            } else if (c == ' ' || c == '\t') {
                i++;
            } else {
                problem = "text outside parentheses";
                return i;
            }
        }
        return last;
    }

    private static Rejected malformed(Telegram telegram, String why) {
        return new Rejected(Rejected.Reason.MALFORMED, "telegram at byte " + telegram.offset() + ": " + why,
                telegram.offset());
    }

    private static int lineEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) if (b[i] == '\n' || b[i] == '\r') return i;
        return end;
    }

    private static String line(byte[] b, int from, int end) {
        return Telegram.abbreviate(latin1(b, from, lineEnd(b, from, end)).trim());
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** 1-based, counting the header line: only for messages. */
    private static int lineNumber(byte[] b, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++)
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) n++;
        return n;
    }
}
