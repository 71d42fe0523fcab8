package org.iotahome.protocol.pow;


/**
 * One worker's search over bit-sliced Curl-P-81 lanes. Implementations differ only in lane
 * width (64 lanes in a {@code long}, or 256 and more in a SIMD vector).
 */
interface NonceSearch {

    /**
     * Searches from {@code midState} (the Curl state after every chunk but the last, with the last
     * chunk's 243 trits already in {@code lastChunk}) until a nonce whose hash ends in {@code mwm}
     * zero trits is found or {@code stop} is set. {@code worker} makes this search's nonces
     * disjoint from other workers'. Returns the 81 nonce trits, or null when stopped.
     */
    byte[] search(byte[] midState, byte[] lastChunk, int mwm, int worker, StopSignal stop);
}
