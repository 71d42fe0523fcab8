package org.iotahome.protocol.pow;

import static org.iotahome.protocol.pow.BitslicedState.INDEX;
import static org.iotahome.protocol.pow.BitslicedState.STATE;

import java.util.concurrent.atomic.AtomicBoolean;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD search: 64 nonces per bit lane of the widest vector the CPU has (256 on AVX2, 512 on
 * AVX-512, 128 on NEON). Needs {@code --add-modules jdk.incubator.vector}; {@link ProofOfWork}
 * falls back to {@link ScalarNonceSearch} without it.
 */
final class VectorNonceSearch implements NonceSearch {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();

    static int lanes() {
        return 64 * W;
    }

    @Override
    public byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, AtomicBoolean stop) {
        BitslicedState start = new BitslicedState(W, midState, lastChunk, worker);
        int n = STATE * W;
        long[] low = new long[n], high = new long[n], low2 = new long[n], high2 = new long[n];
        while (!stop.get()) {
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

    private static void round(long[] low, long[] high, long[] outLow, long[] outHigh) {
        LongVector aLow = LongVector.fromArray(SPECIES, low, 0);
        LongVector aHigh = LongVector.fromArray(SPECIES, high, 0);
        for (int i = 0; i < STATE; i++) {
            int b = INDEX[i + 1] * W;
            LongVector bLow = LongVector.fromArray(SPECIES, low, b);
            LongVector bHigh = LongVector.fromArray(SPECIES, high, b);
            LongVector delta = aLow.or(bHigh.not()).and(bLow.lanewise(VectorOperators.XOR, aHigh));
            delta.not().intoArray(outLow, i * W);
            aLow.lanewise(VectorOperators.XOR, bHigh).or(delta).intoArray(outHigh, i * W);
            aLow = bLow;
            aHigh = bHigh;
        }
    }
}
