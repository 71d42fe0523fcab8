package org.iotahome.protocol.trinary;

/**
 * Trytes and balanced trits (PROTOCOL.md §1). Trits are stored one per byte, values -1, 0, 1,
 * least significant first; a tryte is t0 + 3·t1 + 9·t2.
 */
public final class Trytes {

    public static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Three trits per tryte value, indexed by the tryte's position in {@link #ALPHABET}. */
    private static final byte[][] TRITS_OF_TRYTE = new byte[27][];
    /** Position in the alphabet for a char, or -1. */
    private static final byte[] INDEX_OF_CHAR = new byte[128];

    static {
        java.util.Arrays.fill(INDEX_OF_CHAR, (byte) -1);
        for (int i = 0; i < 27; i++) {
            INDEX_OF_CHAR[ALPHABET.charAt(i)] = (byte) i;
            int value = i <= 13 ? i : i - 27;
            byte[] t = new byte[3];
            for (int k = 0; k < 3; k++) {
                int r = Math.floorMod(value, 3);
                if (r == 2) r = -1;
                t[k] = (byte) r;
                value = (value - r) / 3;
            }
            TRITS_OF_TRYTE[i] = t;
        }
    }

    private Trytes() {
    }

    /** True when {@code s} holds only tryte characters. */
    public static boolean isTrytes(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || INDEX_OF_CHAR[c] < 0) return false;
        }
        return true;
    }

    /** True when {@code s} holds exactly {@code length} tryte characters. */
    public static boolean isTrytes(String s, int length) {
        return s != null && s.length() == length && isTrytes(s);
    }

    /** Throws with the offending position when {@code s} is not trytes. */
    public static String requireTrytes(String what, String s) {
        if (s == null) throw new IllegalArgumentException(what + " is missing");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || INDEX_OF_CHAR[c] < 0)
                throw new IllegalArgumentException(
                        what + " must be trytes (9A-Z): character '" + printable(c) + "' at position " + i);
        }
        return s;
    }

    /** Throws unless {@code s} is exactly {@code length} trytes. */
    public static String requireTrytes(String what, String s, int length) {
        requireTrytes(what, s);
        if (s.length() != length)
            throw new IllegalArgumentException(what + " must be " + length + " trytes, was " + s.length());
        return s;
    }

    /** The value -13..13 of one tryte character. */
    public static int value(char tryte) {
        int i = index(tryte);
        return i <= 13 ? i : i - 27;
    }

    /** The tryte character for a value -13..13. */
    public static char ofValue(int value) {
        if (value < -13 || value > 13) throw new IllegalArgumentException("tryte value out of range: " + value);
        return ALPHABET.charAt(value < 0 ? value + 27 : value);
    }

    public static byte[] toTrits(String trytes) {
        byte[] trits = new byte[trytes.length() * 3];
        toTrits(trytes, trits, 0);
        return trits;
    }

    /** Writes the trits of {@code trytes} into {@code out} from {@code offset}. */
    public static void toTrits(String trytes, byte[] out, int offset) {
        for (int i = 0; i < trytes.length(); i++) {
            byte[] t = TRITS_OF_TRYTE[index(trytes.charAt(i))];
            out[offset++] = t[0];
            out[offset++] = t[1];
            out[offset++] = t[2];
        }
    }

    public static String fromTrits(byte[] trits) {
        return fromTrits(trits, 0, trits.length);
    }

    /** Trytes of {@code length} trits (a multiple of 3) from {@code offset}. */
    public static String fromTrits(byte[] trits, int offset, int length) {
        if (length % 3 != 0) throw new IllegalArgumentException("trit count must be a multiple of 3: " + length);
        char[] out = new char[length / 3];
        for (int i = 0; i < out.length; i++) {
            int p = offset + 3 * i;
            int v = trits[p] + 3 * trits[p + 1] + 9 * trits[p + 2];
            out[i] = ALPHABET.charAt(v < 0 ? v + 27 : v);
        }
        return new String(out);
    }

    /** Right-pads with '9' to {@code length}; refuses a longer input. */
    public static String padRight(String trytes, int length) {
        if (trytes.length() > length)
            throw new IllegalArgumentException("trytes longer than " + length + ": " + trytes.length());
        return trytes + "9".repeat(length - trytes.length());
    }

    private static int index(char c) {
        int i = c < 128 ? INDEX_OF_CHAR[c] : -1;
        if (i < 0) throw new IllegalArgumentException("not a tryte: '" + printable(c) + "'");
        return i;
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
