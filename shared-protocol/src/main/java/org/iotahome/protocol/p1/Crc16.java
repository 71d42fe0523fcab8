package org.iotahome.protocol.p1;

/**
 * CRC-16/ARC as DSMR 4+ puts after the '!': polynomial x^16 + x^15 + x^2 + 1 (0x8005, processed
 * reflected as 0xA001), initial value 0, no final xor, over every byte from '/' through '!'
 * (DSMR P1 companion standard 5.0.2 §6.2). Check value: "123456789" gives 0xBB3D.
 */
public final class Crc16 {

    /** One table lookup per byte: the CRC runs on the hot path of every telegram. */
    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            TABLE[i] = (char) crc;
        }
    }

    private Crc16() {
    }

    /** CRC-16/ARC of {@code length} bytes of {@code data} starting at {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length)
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + data.length + " bytes");
        int crc = 0;
        for (int i = offset, end = offset + length; i < end; i++)
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        return crc;
    }

    /** CRC-16/ARC of a whole array. */
    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The four upper-case hex digits DSMR writes after '!'. */
    public static String hex(int crc) {
        if (crc < 0 || crc > 0xFFFF) throw new IllegalArgumentException("a CRC16 is 0..0xFFFF, got " + crc);
        String h = Integer.toHexString(crc).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(h.length()) + h;
    }
}
