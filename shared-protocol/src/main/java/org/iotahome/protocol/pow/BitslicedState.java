package org.iotahome.protocol.pow;

/**
 * Curl states of many nonces at once in the bit-sliced encoding: per lane, trit -1 is
 * (low 1, high 0), 0 is (1, 1), +1 is (0, 1). Each trit has {@code words} longs, so a state holds
 * {@code 64 · words} lanes; trit i's words sit at {@code [i · words, (i + 1) · words)}.
 * The lowest nonce trits tell lanes apart, the next ones workers, the rest count up.
 */
final class BitslicedState {

    static final int STATE = 729;
    static final int RATE = 243;
    /** Offset of the 81-trit nonce in the last 243-trit chunk of a transaction. */
    static final int NONCE_OFFSET = 162;
    static final int NONCE_LENGTH = 81;
    private static final int WORKER_TRITS = 5;

    /** Curl's index walk: trit i of a round reads trits INDEX[i] and INDEX[i + 1]. */
    static final int[] INDEX = new int[STATE + 1];

    static {
        for (int i = 0; i < STATE; i++) INDEX[i + 1] = INDEX[i] + (INDEX[i] < 365 ? 364 : -365);
    }

    final int words;
    final long[] low;
    final long[] high;
    private final int counterFrom;

    /** The start state: the mid-state with the last chunk, lanes and {@code worker} in the nonce. */
    BitslicedState(int words, byte[] midState, byte[] lastChunk, int worker) {
        this.words = words;
        this.low = new long[STATE * words];
        this.high = new long[STATE * words];
        int laneTrits = 0;
        for (long n = 1; n < 64L * words; n *= 3) laneTrits++;
        this.counterFrom = NONCE_OFFSET + laneTrits + WORKER_TRITS;
        byte[] chunk = lastChunk.clone();
        balanced(worker, chunk, NONCE_OFFSET + laneTrits, WORKER_TRITS);
        for (int i = 0; i < STATE; i++) set(i, i < RATE ? chunk[i] : midState[i]);
        byte[] laneTrit = new byte[laneTrits];
        for (int lane = 0; lane < 64 * words; lane++) {
            balanced(lane, laneTrit, 0, laneTrits);
            for (int k = 0; k < laneTrits; k++) setLane(NONCE_OFFSET + k, lane, laneTrit[k]);
        }
    }

    /** The first counter trit; counter trits run to the end of the nonce. */
    int counterFrom() {
        return counterFrom;
    }

    /** Adds one to the counter trits, which every lane shares. */
    void increment() {
        for (int t = counterFrom; t < NONCE_OFFSET + NONCE_LENGTH; t++) {
            int p = t * words;
            if (high[p] == 0L) {                // -1 → 0, no carry
                set(t, (byte) 0);
                return;
            } else if (low[p] == -1L) {         //  0 → +1, no carry
                set(t, (byte) 1);
                return;
            }
            set(t, (byte) -1);                  // +1 → -1, carry
        }
    }

    /** The 81 nonce trits of one lane. */
    byte[] nonce(int lane) {
        byte[] nonce = new byte[NONCE_LENGTH];
        int word = lane >>> 6, bit = lane & 63;
        for (int k = 0; k < NONCE_LENGTH; k++) {
            int p = (NONCE_OFFSET + k) * words + word;
            long l = (low[p] >>> bit) & 1, h = (high[p] >>> bit) & 1;
            nonce[k] = (byte) (l == h ? 0 : l == 0 ? 1 : -1);
        }
        return nonce;
    }

    /**
     * The first lane whose hash (trits 0..242 of {@code resultLow/High}) ends in {@code mwm} zero
     * trits, or -1.
     */
    static int winningLane(long[] resultLow, long[] resultHigh, int words, int mwm) {
        for (int w = 0; w < words; w++) {
            long hit = -1L;
            for (int i = RATE - mwm; i < RATE && hit != 0; i++) hit &= ~(resultLow[i * words + w] ^ resultHigh[i * words + w]);
            if (hit != 0) return w * 64 + Long.numberOfTrailingZeros(hit);
        }
        return -1;
    }

    private void set(int trit, byte value) {
        long l = value == 1 ? 0L : -1L, h = value == -1 ? 0L : -1L;
        for (int w = 0; w < words; w++) {
            low[trit * words + w] = l;
            high[trit * words + w] = h;
        }
    }

    private void setLane(int trit, int lane, byte value) {
        int p = trit * words + (lane >>> 6);
        long bit = 1L << (lane & 63);
        low[p] = value == 1 ? low[p] & ~bit : low[p] | bit;
        high[p] = value == -1 ? high[p] & ~bit : high[p] | bit;
    }

    /** Balanced trits of {@code value}, least significant first. */
    static void balanced(long value, byte[] out, int offset, int n) {
        for (int i = 0; i < n; i++) {
            int r = (int) Math.floorMod(value, 3L);
            if (r == 2) r = -1;
            out[offset + i] = (byte) r;
            value = (value - r) / 3;
        }
    }
}
