package org.iotahome.protocol.trinary;

/** Integers in balanced trits, least significant first, as transactions and MAM encode them. */
public final class Trits {

    private Trits() {
    }

    /** The value of {@code length} trits from {@code offset}. */
    public static long toLong(byte[] trits, int offset, int length) {
        long value = 0;
        for (int i = offset + length - 1; i >= offset; i--) value = value * 3 + trits[i];
        return value;
    }

    public static long toLong(byte[] trits) {
        return toLong(trits, 0, trits.length);
    }

    /** {@code value} as exactly {@code length} balanced trits; refuses a value that does not fit. */
    public static byte[] fromLong(long value, int length) {
        byte[] out = new byte[length];
        fromLong(value, out, 0, length);
        return out;
    }

    public static void fromLong(long value, byte[] out, int offset, int length) {
        long v = value;
        for (int i = 0; i < length; i++) {
            int r = (int) Math.floorMod(v, 3L);
            if (r == 2) r = -1;
            out[offset + i] = (byte) r;
            v = (v - r) / 3;
        }
        if (v != 0) throw new IllegalArgumentException(value + " does not fit in " + length + " trits");
    }

    /** The trytes for {@code value} in {@code length} trytes. */
    public static String longToTrytes(long value, int lengthTrytes) {
        return Trytes.fromTrits(fromLong(value, lengthTrytes * 3));
    }

    /** The value of a tryte string read as balanced trits. */
    public static long trytesToLong(String trytes) {
        return toLong(Trytes.toTrits(trytes));
    }
}
