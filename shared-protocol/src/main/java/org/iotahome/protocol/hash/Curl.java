package org.iotahome.protocol.hash;

import java.util.Arrays;

/**
 * Curl-P (PROTOCOL.md §1): a 729-trit state, 243-trit rate, the legacy IOTA transform with 27
 * rounds (MAM) or 81 rounds (transaction hashes).
 *
 * <p>The state is held bit-sliced: two 729-bit planes (trit 0 = (1,1), 1 = (0,1), -1 = (1,0) as
 * (low, high)), stored in a rotating order so that a round is one cyclic bit rotation and a few
 * word operations instead of 729 scattered look-ups. Round output trit i reads trits 364·i and
 * 364·(i+1) (mod 729). If the planes hold trit {@code x} at bit {@code x·inv mod 729}, the round
 * output in the order {@code inv·364} is {@code S(v[k], v[k + d])} with {@code d = inv·364}: a
 * rotation by {@code d} then the S-box, bitwise. The trits are unchanged; only where they sit moves,
 * and absorb/squeeze follow {@code inv}. MAM hashes a chunk by absorb then squeeze, so the
 * transform after a squeeze is deferred until the sponge is used again: the result is identical.
 */
public final class Curl implements Sponge {

    public static final int STATE_LENGTH = 3 * HASH_LENGTH;

    private static final int WORDS = 12;
    /** Bits 704..728 live in word 11. */
    private static final long LAST = (1L << (STATE_LENGTH - 64 * 11)) - 1;
    /** 364 = (-2)^-1 mod 729: each round multiplies the storage order by it. */
    private static final int STEP = 364;

    private final int rounds;
    private long[] lo = new long[WORDS];
    private long[] hi = new long[WORDS];
    private long[] nextLo = new long[WORDS];
    private long[] nextHi = new long[WORDS];
    private final long[] doubled = new long[2 * WORDS];
    private final long[] rotLo = new long[WORDS];
    private final long[] rotHi = new long[WORDS];
    /** Trit x of the logical state sits at bit (x · inv) mod 729. */
    private int inv = 1;
    /** A squeeze's transform not yet run: runs before the next use of the state. */
    private boolean pending;

    private Curl(int rounds) {
        this.rounds = rounds;
        reset();
    }

    public static Curl p27() {
        return new Curl(27);
    }

    public static Curl p81() {
        return new Curl(81);
    }

    public int rounds() {
        return rounds;
    }

    @Override
    public void absorb(byte[] trits, int offset, int length) {
        settle();
        do {
            int n = Math.min(length, HASH_LENGTH);
            write(trits, offset, n);
            transform();
            offset += n;
            length -= n;
        } while (length > 0);
    }

    @Override
    public void squeeze(byte[] out, int offset, int length) {
        settle();
        while (true) {
            int n = Math.min(length, HASH_LENGTH);
            read(out, offset, n);
            offset += n;
            length -= n;
            if (length <= 0) break;
            transform();
        }
        pending = true;
    }

    @Override
    public void reset() {
        Arrays.fill(lo, -1L);
        Arrays.fill(hi, -1L);
        lo[WORDS - 1] = LAST;
        hi[WORDS - 1] = LAST;
        inv = 1;
        pending = false;
    }

    /**
     * The first {@code length} trits of the rate, without transforming: MAM reads the rate as the
     * key stream for a chunk before absorbing that chunk (PROTOCOL.md §5).
     */
    public void peek(byte[] out, int offset, int length) {
        if (length > HASH_LENGTH) throw new IllegalArgumentException("the rate is 243 trits, asked " + length);
        settle();
        read(out, offset, length);
    }

    /** A copy of the full state, for callers that resume from a mid-state (PoW). */
    public byte[] state() {
        settle();
        byte[] out = new byte[STATE_LENGTH];
        read(out, 0, STATE_LENGTH);
        return out;
    }

    /** A sponge that continues from {@code state}; the rounds of this one. */
    public Curl withState(byte[] stateTrits) {
        if (stateTrits.length != STATE_LENGTH) throw new IllegalArgumentException("Curl state is 729 trits");
        Curl c = new Curl(rounds);
        c.write(stateTrits, 0, STATE_LENGTH);
        return c;
    }

    /** An independent sponge in the same state: cheap, for trying many continuations (nonces). */
    public Curl copy() {
        Curl c = new Curl(rounds);
        System.arraycopy(lo, 0, c.lo, 0, WORDS);
        System.arraycopy(hi, 0, c.hi, 0, WORDS);
        c.inv = inv;
        c.pending = pending;
        return c;
    }

    /**
     * Replaces the 243 trits at {@code offset} by their hash, {@code times} times over: what
     * {@code reset(); absorb(chunk); squeeze(chunk)} repeated gives (WOTS chains, PROTOCOL.md §5),
     * and the sponge is left as that last squeeze leaves it. Between hashes the chunk stays in the
     * bit planes where the transform left it: the squeezed rate is the next absorb's input, so only
     * the capacity is reset to zero trits, and no trit is unpacked until the end.
     */
    public void hashChunk(byte[] trits, int offset, int times) {
        if (times <= 0) return;
        reset();
        writeInOrder(trits, offset, HASH_LENGTH);
        transform();
        for (int k = 1; k < times; k++) {
            long[] rate = RateMasks.of(inv);
            for (int w = 0; w < WORDS; w++) {
                lo[w] = (lo[w] & rate[w]) | ~rate[w];
                hi[w] = (hi[w] & rate[w]) | ~rate[w];
            }
            lo[WORDS - 1] &= LAST;
            hi[WORDS - 1] &= LAST;
            transform();
        }
        read(trits, offset, HASH_LENGTH);
        pending = true;
    }

    /** Curl-P-81 hash of whole trits: the transaction hash. */
    public static byte[] hash81(byte[] trits) {
        Curl c = p81();
        c.absorb(trits);
        return c.squeeze(HASH_LENGTH);
    }

    private void settle() {
        if (pending) {
            pending = false;
            transform();
        }
    }

    /** Logical trits 0..n-1 from {@code trits[offset..]}. */
    private void write(byte[] trits, int offset, int n) {
        if (inv == 1) {
            writeInOrder(trits, offset, n);
            return;
        }
        long[] l = lo;
        long[] h = hi;
        int p = 0;
        for (int i = 0; i < n; i++) {
            int t = trits[offset + i];
            int w = p >>> 6;
            long clear = ~(1L << p);
            // Branch-free: random trits would mispredict a branch a third of the time (MAM absorbs mid-state often).
            l[w] = (l[w] & clear) | ((long) ((t - 1) >>> 31) << p); // 1 unless t == 1
            h[w] = (h[w] & clear) | ((long) ((-t - 1) >>> 31) << p); // 1 unless t == -1
            p += inv;
            if (p >= STATE_LENGTH) p -= STATE_LENGTH;
        }
    }

    /** The usual case (a fresh or reset sponge): trit i at bit i, so whole words are packed at once. */
    private void writeInOrder(byte[] trits, int offset, int n) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int k = Math.min(64, n - base);
            long l = 0;
            long h = 0;
            for (int b = 0; b < k; b++) {
                int t = trits[offset + base + b];
                l |= (long) ((t - 1) >>> 31) << b; // 1 unless t == 1
                h |= (long) ((-t - 1) >>> 31) << b; // 1 unless t == -1
            }
            long keep = k == 64 ? 0 : -1L << k;
            lo[w] = (lo[w] & keep) | l;
            hi[w] = (hi[w] & keep) | h;
        }
    }

    /** Logical trits 0..n-1 into {@code out[offset..]}. */
    private void read(byte[] out, int offset, int n) {
        long[] l = lo;
        long[] h = hi;
        int[] at = n <= HASH_LENGTH ? RatePositions.of(inv) : null;
        if (at != null) {
            for (int i = 0; i < n; i++) {
                int p = at[i];
                out[offset + i] = (byte) (((h[p >>> 6] >>> p) & 1) - ((l[p >>> 6] >>> p) & 1));
            }
            return;
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            int w = p >>> 6;
            out[offset + i] = (byte) (((h[w] >>> p) & 1) - ((l[w] >>> p) & 1));
            p += inv;
            if (p >= STATE_LENGTH) p -= STATE_LENGTH;
        }
    }

    /**
     * Where the rate sits after one transform from a reset sponge (absorb one chunk, then squeeze:
     * every hash MAM chains), for 27 and 81 rounds; other orders step through the positions.
     */
    private static final class RatePositions {
        private static final int AFTER_27 = afterRounds(27);
        private static final int AFTER_81 = afterRounds(81);
        private static final int[] POSITIONS_27 = positions(AFTER_27);
        private static final int[] POSITIONS_81 = positions(AFTER_81);

        static int[] of(int inv) {
            return inv == AFTER_27 ? POSITIONS_27 : inv == AFTER_81 ? POSITIONS_81 : null;
        }

        private static int afterRounds(int rounds) {
            int inv = 1;
            for (int r = 0; r < rounds; r++) inv = inv * STEP % STATE_LENGTH;
            return inv;
        }

        private static int[] positions(int inv) {
            int[] at = new int[HASH_LENGTH];
            for (int i = 0; i < HASH_LENGTH; i++) at[i] = (int) ((long) i * inv % STATE_LENGTH);
            return at;
        }
    }

    /** For each storage order {@code inv} (not a multiple of 3), the bits where the rate (logical trits 0..242) sits. */
    private static final class RateMasks {
        private static final long[][] MASKS = new long[STATE_LENGTH][];

        static {
            for (int inv = 1; inv < STATE_LENGTH; inv++) {
                if (inv % 3 == 0) continue;
                long[] m = new long[WORDS];
                for (int x = 0; x < HASH_LENGTH; x++) {
                    int p = (int) ((long) x * inv % STATE_LENGTH);
                    m[p >>> 6] |= 1L << p;
                }
                MASKS[inv] = m;
            }
        }

        static long[] of(int inv) {
            return MASKS[inv];
        }
    }

    private void transform() {
        for (int r = 0; r < rounds; r++) {
            int d = (int) ((long) inv * STEP % STATE_LENGTH);
            rotate(lo, d, rotLo);
            rotate(hi, d, rotHi);
            long[] a = lo, b = hi, na = nextLo, nb = nextHi;
            for (int w = 0; w < WORDS; w++) {
                long alpha = a[w];
                long gamma = rotHi[w];
                long delta = (alpha | ~gamma) & (rotLo[w] ^ b[w]);
                na[w] = ~delta;
                nb[w] = (alpha ^ gamma) | delta;
            }
            na[WORDS - 1] &= LAST;
            nb[WORDS - 1] &= LAST;
            nextLo = lo;
            nextHi = hi;
            lo = na;
            hi = nb;
            inv = d;
        }
    }

    /** out = the 729-bit cycle {@code v} read from bit {@code d}: out[k] = v[(k + d) mod 729]. */
    private void rotate(long[] v, int d, long[] out) {
        long[] t = doubled;
        System.arraycopy(v, 0, t, 0, WORDS - 1);
        t[WORDS - 1] = v[WORDS - 1] | (v[0] << 25);
        for (int w = WORDS; w < 2 * WORDS - 1; w++) t[w] = (v[w - 11] << 25) | (v[w - 12] >>> 39);
        t[2 * WORDS - 1] = v[WORDS - 1] >>> 39;
        int q = d >>> 6;
        int s = d & 63;
        if (s == 0) {
            System.arraycopy(t, q, out, 0, WORDS);
        } else {
            for (int w = 0; w < WORDS; w++) out[w] = (t[q + w] >>> s) | (t[q + w + 1] << (64 - s));
        }
    }
}
