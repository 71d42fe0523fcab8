package org.iotahome.protocol.hash;

import java.util.Arrays;

/**
 * Curl-P (PROTOCOL.md §1): a 729-trit state, 243-trit rate, the legacy IOTA transform with 27
 * rounds (MAM) or 81 rounds (transaction hashes). One trit per byte; see {@code pow} for the
 * bit-sliced form used to search nonces.
 */
public final class Curl implements Sponge {

    public static final int STATE_LENGTH = 3 * HASH_LENGTH;

    /** S-box over (a, b) indexed by a + 4·b + 5. */
    private static final byte[] TRUTH_TABLE = {1, 0, -1, 2, 1, -1, 0, 2, -1, 1, 0};

    /** The transform reads state[INDEX[i]] and state[INDEX[i + 1]] to make trit i. */
    static final int[] INDEX = new int[STATE_LENGTH + 1];

    static {
        for (int i = 0; i < STATE_LENGTH; i++) INDEX[i + 1] = INDEX[i] + (INDEX[i] < 365 ? 364 : -365);
    }

    private final int rounds;
    private byte[] state = new byte[STATE_LENGTH];
    private byte[] scratch = new byte[STATE_LENGTH];

    private Curl(int rounds) {
        this.rounds = rounds;
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
        do {
            int n = Math.min(length, HASH_LENGTH);
            System.arraycopy(trits, offset, state, 0, n);
            transform();
            offset += n;
            length -= n;
        } while (length > 0);
    }

    @Override
    public void squeeze(byte[] out, int offset, int length) {
        do {
            int n = Math.min(length, HASH_LENGTH);
            System.arraycopy(state, 0, out, offset, n);
            transform();
            offset += n;
            length -= n;
        } while (length > 0);
    }

    @Override
    public void reset() {
        Arrays.fill(state, (byte) 0);
    }

    /** A copy of the full state, for callers that resume from a mid-state (PoW). */
    public byte[] state() {
        return state.clone();
    }

    /** A sponge that continues from {@code state}; the rounds of this one. */
    public Curl withState(byte[] stateTrits) {
        if (stateTrits.length != STATE_LENGTH) throw new IllegalArgumentException("Curl state is 729 trits");
        Curl c = new Curl(rounds);
        c.state = stateTrits.clone();
        return c;
    }

    private void transform() {
        byte[] a = state;
        byte[] b = scratch;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < STATE_LENGTH; i++) b[i] = TRUTH_TABLE[a[INDEX[i]] + (a[INDEX[i + 1]] << 2) + 5];
            byte[] t = a;
            a = b;
            b = t;
        }
        state = a;
        scratch = b;
    }

    /** Curl-P-81 hash of whole trits: the transaction hash. */
    public static byte[] hash81(byte[] trits) {
        Curl c = p81();
        c.absorb(trits);
        return c.squeeze(HASH_LENGTH);
    }
}
