package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trits;

/**
 * The MAM length/index header encoding (PROTOCOL.md §5, "pascal"): a self-delimiting number. The
 * value's balanced trits, padded to whole trytes; every tryte but the last is stored with a value
 * ≤ 0 (a positive one is negated and flagged) and the last one is positive, so a reader finds the
 * end; then the flags as a number in the fewest trits that hold 2^trytes − 1. Zero is {@code 1,0,0,-1}.
 */
public final class Pascal {

    /** Enough for any length or index a payload can carry; refuses runaway headers of garbage. */
    static final int MAX_TRYTES = 12;

    private static final byte[] ZERO = {1, 0, 0, -1};

    private Pascal() {
    }

    /** A decoded value and how many trits its encoding took. */
    public record Decoded(long value, int length) {
    }

    public static int encodedLength(long value) {
        if (value < 0) throw new IllegalArgumentException("pascal encodes non-negative values, got " + value);
        if (value == 0) return ZERO.length;
        int trytes = (minTrits(value) + 2) / 3;
        return 3 * trytes + minTrits((1L << trytes) - 1);
    }

    /** Writes {@code value} at {@code offset}; returns the trits written. */
    public static int encode(long value, byte[] out, int offset) {
        if (value == 0) {
            System.arraycopy(ZERO, 0, out, offset, ZERO.length);
            return ZERO.length;
        }
        int length = encodedLength(value);
        int trytes = (minTrits(value) + 2) / 3;
        Trits.fromLong(value, out, offset, 3 * trytes);
        long flags = 0;
        for (int i = 0; i < trytes - 1; i++) {
            int p = offset + 3 * i;
            if (out[p] + 3 * out[p + 1] + 9 * out[p + 2] > 0) {
                flags |= 1L << i;
                out[p] = (byte) -out[p];
                out[p + 1] = (byte) -out[p + 1];
                out[p + 2] = (byte) -out[p + 2];
            }
        }
        Trits.fromLong(flags, out, offset + 3 * trytes, length - 3 * trytes);
        return length;
    }

    /** Reads a value from {@code trits[offset..limit)}. */
    public static Decoded decode(byte[] trits, int offset, int limit, String what)
            throws MalformedPayloadException, TruncatedPayloadException {
        if (limit - offset >= ZERO.length && trits[offset] == 1 && trits[offset + 1] == 0
                && trits[offset + 2] == 0 && trits[offset + 3] == -1)
            return new Decoded(0, ZERO.length);
        int trytes = 0;
        long value = 0;
        long scale = 1;
        while (true) {
            int p = offset + 3 * trytes;
            if (p + 3 > limit) throw new TruncatedPayloadException(what + " header", p + 3, limit);
            if (trytes == MAX_TRYTES)
                throw new MalformedPayloadException(what + " header runs past " + MAX_TRYTES + " trytes");
            int tryte = trits[p] + 3 * trits[p + 1] + 9 * trits[p + 2];
            trytes++;
            value += tryte * scale;
            scale *= 27;
            if (tryte > 0) break;
        }
        int flagTrits = minTrits((1L << trytes) - 1);
        int end = offset + 3 * trytes + flagTrits;
        if (end > limit) throw new TruncatedPayloadException(what + " header", end, limit);
        long flags = Trits.toLong(trits, offset + 3 * trytes, flagTrits);
        // The last tryte is never flagged.
        if (flags < 0 || flags >= 1L << (trytes - 1))
            throw new MalformedPayloadException(what + " header has flags " + flags + " for " + trytes + " trytes");
        // A flagged tryte was stored negated: add back twice its stored (negative) value's magnitude.
        scale = 1;
        for (int i = 0; i < trytes; i++) {
            if ((flags >>> i & 1) == 1) {
                int p = offset + 3 * i;
                value -= 2L * (trits[p] + 3 * trits[p + 1] + 9 * trits[p + 2]) * scale;
            }
            scale *= 27;
        }
        return new Decoded(value, end - offset);
    }

    /** The fewest balanced trits that hold {@code value} (> 0): (3^t − 1) / 2 ≥ value. */
    static int minTrits(long value) {
        int t = 1;
        long max = 1;
        while (max < value) {
            max = 3 * max + 1;
            t++;
        }
        return t;
    }
}
