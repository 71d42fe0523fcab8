package org.iotahome.protocol.p1;

/**
 * Reads a framed telegram into a {@link Reading}, for DSMR 2.2, 4.0, 4.2, 5.0 and Belgian
 * (e-MUCS H) meters. Lines are {@code OBIS(value)(value)...}; a line that starts with '(' carries
 * on the line before it (DSMR 2.2 puts the gas value on the line after 0-n:24.3.0). Every OBIS
 * line is kept, known or not; a line that is no OBIS line at all makes the telegram malformed.
 * Liberal about CR LF or LF, spaces, missing lines and units; stateless and thread-safe.
 */
public final class TelegramParser {

    public Parsed parse(Telegram telegram) {
        String t = telegram.text();
        int end = t.length() - 1;                       // the final '!'
        int headerEnd = lineEnd(t, 1, end);
        String header = t.substring(1, headerEnd).trim();
        if (header.isEmpty())
            return malformed(telegram, "the identification line after '/' is empty");
        ReadingBuilder reading = new ReadingBuilder();
        String code = null;
        StringBuilder raw = null;                       // only for continued (multi-line) objects
        String rawLine = null;
        for (int pos = nextLine(t, headerEnd, end); pos < end; pos = nextLine(t, pos, end)) {
            int le = lineEnd(t, pos, end);
            int from = pos, to = le;
            while (from < to && isSpace(t.charAt(from))) from++;
            while (to > from && isSpace(t.charAt(to - 1))) to--;
            pos = le;
            if (from == to) continue;
            if (t.charAt(from) == '(') {
                if (code == null)
                    return malformed(telegram, "line " + lineNumber(t, from) + " continues a value but no OBIS line came before it: '"
                            + Telegram.abbreviate(t.substring(from, to)) + "'");
                String more = t.substring(from, to);
                if (!balanced(more, 0))
                    return malformed(telegram, "line " + lineNumber(t, from) + " (continuing " + code + "): unbalanced parentheses in '"
                            + Telegram.abbreviate(more) + "'");
                if (raw == null) raw = new StringBuilder(rawLine);
                raw.append(more);
                continue;
            }
            int paren = t.indexOf('(', from);
            if (paren < 0 || paren >= to || !isObisCode(t, from, paren))
                return malformed(telegram, "line " + lineNumber(t, from) + ": expected an OBIS line like 1-0:1.8.1(000123.456*kWh), got '"
                        + Telegram.abbreviate(t.substring(from, to)) + "'");
            if (code != null) reading.accept(code, raw == null ? rawLine : raw.toString());
            code = t.substring(from, codeEnd(t, from, paren));
            rawLine = t.substring(paren, to);
            raw = null;
            if (!balanced(rawLine, 0))
                return malformed(telegram, "line " + lineNumber(t, from) + " (" + code + "): unbalanced parentheses in '"
                        + Telegram.abbreviate(rawLine) + "'");
        }
        if (code == null) return malformed(telegram, "the telegram has no OBIS lines between its header and '!'");
        reading.accept(code, raw == null ? rawLine : raw.toString());
        if (!telegram.crcChecked() && reading.expectsCrc())
            return new Rejected(Rejected.Reason.INCOMPLETE, "the telegram at byte " + telegram.offset() + " is DSMR "
                    + reading.version() + ", which ends with a CRC16 after '!'; none came", telegram.offset());
        return reading.build(header, telegram.crcChecked() ? Boolean.TRUE : null);
    }

    private static Rejected malformed(Telegram telegram, String why) {
        return new Rejected(Rejected.Reason.MALFORMED, "telegram at byte " + telegram.offset() + ": " + why,
                telegram.offset());
    }

    private static int lineEnd(String t, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') return i;
        }
        return end;
    }

    private static int nextLine(String t, int at, int end) {
        while (at < end && (t.charAt(at) == '\r' || t.charAt(at) == '\n')) at++;
        return at;
    }

    /** 1-based, counting the header line: only for messages. */
    private static int lineNumber(String t, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++) if (t.charAt(i) == '\n' || t.charAt(i) == '\r' && (i + 1 >= t.length() || t.charAt(i + 1) != '\n')) n++;
        return n;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Digit groups joined by '-', ':', '.' or '*' (1-0:1.8.1, 0-1:24.2.1, 1-0:1.8.1*255), spaces before '('. */
    private static boolean isObisCode(String t, int from, int paren) {
        int to = codeEnd(t, from, paren);
        int groups = 0;
        boolean inDigits = false;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inDigits) groups++;
                inDigits = true;
            } else if ((c == '-' || c == ':' || c == '.' || c == '*') && inDigits) {
                inDigits = false;
            } else {
                return false;
            }
        }
        return groups >= 3 && inDigits;
    }

    private static int codeEnd(String t, int from, int paren) {
        while (paren > from && isSpace(t.charAt(paren - 1))) paren--;
        return paren;
    }

    /** Groups {@code (...)} one after another, spaces between allowed, nothing else. */
    private static boolean balanced(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = s.indexOf(')', i + 1);
                if (close < 0) return false;
                int nested = s.indexOf('(', i + 1);
                if (nested >= 0 && nested < close) return false;
                i = close + 1;
            } else if (isSpace(c)) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }
}
