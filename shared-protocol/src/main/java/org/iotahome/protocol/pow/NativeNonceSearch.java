package org.iotahome.protocol.pow;


/**
 * The search in C ({@code src/main/c/curl_pow.c}), AVX-512 or AVX2 wide where the CPU has them:
 * about 1.6x the Vector API engine on the same core. The stop flag is read between steps
 * (about 0.15 ms apart), so a worker that lost the race frees its core at once.
 */
final class NativeNonceSearch implements NonceSearch {

    static int words() {
        return words0();
    }

    @Override
    public byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, StopSignal stop) {
        int words = words0();
        BitslicedState start = new BitslicedState(words, midState, lastChunk, worker);
        int counterTo = BitslicedState.NONCE_OFFSET + BitslicedState.NONCE_LENGTH;
        // One call for the whole search: the C loop reads the stop flag between steps.
        int lane = search0(start.low, start.high, mwm, start.counterFrom(), counterTo, stop.buffer());
        if (lane >= 0) return start.nonce(lane);
        if (lane < -1) throw new IllegalStateException("native proof of work failed (code " + lane + ")");
        return null;
    }

    private static native int words0();

    private static native int search0(long[] low, long[] high, int mwm, int counterFrom, int counterTo, java.nio.ByteBuffer stop);
}
