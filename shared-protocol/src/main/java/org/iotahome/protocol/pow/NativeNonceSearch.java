package org.iotahome.protocol.pow;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The search in C ({@code src/main/c/curl_pow.c}), AVX-512 or AVX2 wide where the CPU has them:
 * about 1.6x the Vector API engine on the same core. Each call tries a bounded number of
 * steps so that a stop request is seen within milliseconds.
 */
final class NativeNonceSearch implements NonceSearch {

    /** About 0.6 ms of AVX-512 work: how late a stop request may be seen. */
    private static final int STEPS_PER_CALL = 4;

    static int words() {
        return words0();
    }

    @Override
    public byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, AtomicBoolean stop) {
        int words = words0();
        BitslicedState start = new BitslicedState(words, midState, lastChunk, worker);
        int counterTo = BitslicedState.NONCE_OFFSET + BitslicedState.NONCE_LENGTH;
        while (!stop.get()) {
            int lane = search0(start.low, start.high, mwm, start.counterFrom(), counterTo, STEPS_PER_CALL);
            if (lane >= 0) return start.nonce(lane);
            if (lane < -1) throw new IllegalStateException("native proof of work failed (code " + lane + ")");
        }
        return null;
    }

    private static native int words0();

    private static native int search0(long[] low, long[] high, int mwm, int counterFrom, int counterTo, int steps);
}
