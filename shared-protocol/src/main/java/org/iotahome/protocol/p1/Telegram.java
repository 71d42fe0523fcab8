package org.iotahome.protocol.p1;

/**
 * One framed telegram: its text from '/' through '!' (the bytes the CRC covers), whether a CRC
 * line followed and matched (DSMR 4+; a 2.2 telegram carries none), and where it began in the
 * byte stream. A telegram whose CRC did not match is never a {@code Telegram}.
 */
public record Telegram(String text, boolean crcChecked, long offset) implements Framed {
    public Telegram {
        if (text == null || text.length() < 2 || text.charAt(0) != '/' || text.charAt(text.length() - 1) != '!')
            throw new IllegalArgumentException("a telegram runs from '/' through '!', got "
                    + (text == null ? "null" : "'" + abbreviate(text) + "'"));
        if (offset < 0) throw new IllegalArgumentException("stream offset must be >= 0, got " + offset);
    }

    /** The text as the meter sent it, with the CRC line DSMR 4+ adds after the '!'. */
    public String withCrcLine() {
        if (!crcChecked) return text + "\r\n";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return text + Crc16.hex(Crc16.of(bytes)) + "\r\n";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
