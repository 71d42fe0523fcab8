package org.iotahome.protocol.p1;

/**
 * CRC-16/ARC as DSMR 4+ puts after the '!': polynomial x^16 + x^15 + x^2 + 1 (0x8005, processed
 * reflected as 0xA001), initial value 0, no final xor, over every byte from '/' through '!'
 * (DSMR P1 companion standard 5.0.2). Check value: "123456789" gives 0xBB3D.
 */
public final class Crc16 {

    /**
     * Slicing-by-8: {@code T[k][v]} is the CRC contribution of byte value v followed by k more
     * bytes, so eight bytes cost eight independent lookups instead of a chain of eight. The CRC
     * runs over every byte of every telegram.
     */
    private static final int[][] T = new int[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            T[0][i] = crc;
        }
        for (int k = 1; k < 8; k++)
            for (int i = 0; i < 256; i++)
                T[k][i] = (T[k - 1][i] >>> 8) ^ T[0][T[k - 1][i] & 0xFF];
    }

    private Crc16() {
    }

    /** CRC-16/ARC of {@code length} bytes of {@code data} starting at {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length)
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + data.length + " bytes");
        int[] t0 = T[0], t1 = T[1], t2 = T[2], t3 = T[3], t4 = T[4], t5 = T[5], t6 = T[6], t7 = T[7];
        int crc = 0, i = offset, end = offset + length;
        for (; i + 8 <= end; i += 8) {
            int lo = crc ^ (data[i] & 0xFF | (data[i + 1] & 0xFF) << 8);
            crc = t7[lo & 0xFF] ^ t6[lo >>> 8] ^ t5[data[i + 2] & 0xFF] ^ t4[data[i + 3] & 0xFF]
                    ^ t3[data[i + 4] & 0xFF] ^ t2[data[i + 5] & 0xFF] ^ t1[data[i + 6] & 0xFF] ^ t0[data[i + 7] & 0xFF];
        }
        for (; i < end; i++)
            crc = (crc >>> 8) ^ t0[(crc ^ data[i]) & 0xFF];
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
