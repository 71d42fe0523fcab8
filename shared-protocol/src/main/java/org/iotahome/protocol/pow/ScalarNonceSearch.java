package org.iotahome.protocol.pow;

import static org.iotahome.protocol.pow.BitslicedState.INDEX;
import static org.iotahome.protocol.pow.BitslicedState.STATE;


/** 64 nonces per step, one per bit of a {@code long}: the portable search (any JVM, any CPU). */
final class ScalarNonceSearch implements NonceSearch {

    @Override
    public byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, StopSignal stop) {
        BitslicedState start = new BitslicedState(1, midState, lastChunk, worker);
        long[] low = new long[STATE], high = new long[STATE];
        long[] low2 = new long[STATE], high2 = new long[STATE];
        while (!stop.isSet()) {
            System.arraycopy(start.low, 0, low, 0, STATE);
            System.arraycopy(start.high, 0, high, 0, STATE);
            for (int r = 0; r < 40; r++) {
                round(low, high, low2, high2);
                round(low2, high2, low, high);
            }
            round(low, high, low2, high2); // the 81st round
            int lane = BitslicedState.winningLane(low2, high2, 1, mwm);
            if (lane >= 0) return start.nonce(lane);
            start.increment();
        }
        return null;
    }

    private static void round(long[] low, long[] high, long[] outLow, long[] outHigh) {
        long aLow = low[0], aHigh = high[0];
        for (int i = 0; i < STATE; i++) {
            int b = INDEX[i + 1];
            long bLow = low[b], bHigh = high[b];
            long delta = (aLow | ~bHigh) & (bLow ^ aHigh);
            outLow[i] = ~delta;
            outHigh[i] = (aLow ^ bHigh) | delta;
            aLow = bLow;
            aHigh = bHigh;
        }
    }
}
