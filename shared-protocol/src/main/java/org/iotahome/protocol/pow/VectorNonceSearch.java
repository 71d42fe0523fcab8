package org.iotahome.protocol.pow;

import static org.iotahome.protocol.pow.BitslicedState.STATE;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD search: 64 nonces per bit lane of the widest vector the CPU has (256 on AVX2, 512 on
 * AVX-512, 128 on NEON). Needs {@code --add-modules jdk.incubator.vector}; {@link ProofOfWork}
 * falls back to {@link ScalarNonceSearch} without it.
 */
final class VectorNonceSearch implements NonceSearch {

    private static final VectorSpecies<Long> SPECIES = species();
    private static final int W = SPECIES.length();

    /** The widest species, or the one {@code iotahome.pow.vectorBits} names (128, 256, 512). */
    private static VectorSpecies<Long> species() {
        String bits = System.getProperty("iotahome.pow.vectorBits");
        if (bits == null) return LongVector.SPECIES_PREFERRED;
        return VectorSpecies.of(long.class, jdk.incubator.vector.VectorShape.forBitSize(Integer.parseInt(bits)));
    }

    static int lanes() {
        return 64 * W;
    }

    @Override
    public byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, StopSignal stop) {
        BitslicedState start = new BitslicedState(W, midState, lastChunk, worker);
        int n = STATE * W;
        long[] low = new long[n], high = new long[n], low2 = new long[n], high2 = new long[n];
        while (!stop.isSet()) {
            System.arraycopy(start.low, 0, low, 0, n);
            System.arraycopy(start.high, 0, high, 0, n);
            for (int r = 0; r < 40; r++) {
                round(low, high, low2, high2);
                round(low2, high2, low, high);
            }
            round(low, high, low2, high2);
            int lane = BitslicedState.winningLane(low2, high2, W, mwm);
            if (lane >= 0) return start.nonce(lane);
            start.increment();
        }
        return null;
    }

    /**
     * One Curl round. Curl's index walk visits trits 0, 364, 728, 363, 727, …: written out,
     * output 2k-1 reads (365-k, 729-k) and output 2k reads (729-k, 364-k), so the loop walks
     * two contiguous runs with no index table. No vector is carried across iterations: C2 in
     * JDK 17 boxes vectors held in loop phis.
     */
    private static void round(long[] low, long[] high, long[] outLow, long[] outHigh) {
        sbox(low, high, 0, 364 * W, outLow, outHigh, 0);
        for (int k = 1; k <= 364; k++) {
            int p = (729 - k) * W, q = (365 - k) * W, r = (364 - k) * W;
            LongVector pLow = LongVector.fromArray(SPECIES, low, p);
            LongVector pHigh = LongVector.fromArray(SPECIES, high, p);
            LongVector qLow = LongVector.fromArray(SPECIES, low, q);
            LongVector qHigh = LongVector.fromArray(SPECIES, high, q);
            LongVector rLow = LongVector.fromArray(SPECIES, low, r);
            LongVector rHigh = LongVector.fromArray(SPECIES, high, r);
            // output 2k-1 = S(q, p)
            LongVector d1 = qLow.or(pHigh.not()).and(pLow.lanewise(VectorOperators.XOR, qHigh));
            d1.not().intoArray(outLow, (2 * k - 1) * W);
            qLow.lanewise(VectorOperators.XOR, pHigh).or(d1).intoArray(outHigh, (2 * k - 1) * W);
            // output 2k = S(p, r)
            LongVector d2 = pLow.or(rHigh.not()).and(rLow.lanewise(VectorOperators.XOR, pHigh));
            d2.not().intoArray(outLow, 2 * k * W);
            pLow.lanewise(VectorOperators.XOR, rHigh).or(d2).intoArray(outHigh, 2 * k * W);
        }
    }

    private static void sbox(long[] low, long[] high, int a, int b, long[] outLow, long[] outHigh, int o) {
        LongVector aLow = LongVector.fromArray(SPECIES, low, a);
        LongVector aHigh = LongVector.fromArray(SPECIES, high, a);
        LongVector bLow = LongVector.fromArray(SPECIES, low, b);
        LongVector bHigh = LongVector.fromArray(SPECIES, high, b);
        LongVector delta = aLow.or(bHigh.not()).and(bLow.lanewise(VectorOperators.XOR, aHigh));
        delta.not().intoArray(outLow, o);
        aLow.lanewise(VectorOperators.XOR, bHigh).or(delta).intoArray(outHigh, o);
    }
}
