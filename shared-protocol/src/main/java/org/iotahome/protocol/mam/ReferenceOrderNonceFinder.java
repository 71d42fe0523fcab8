package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import org.iotahome.protocol.hash.Curl;

/**
 * The nonce search, in the order the reference client @iota/mam@0.7.3 visits candidates, so that
 * our payloads equal its payloads trit for trit. A candidate is the sponge's rate[0..81] with
 * trits 54..80 (as a balanced integer) raised by k = 1, 2, 3… and, for each k, trits 0..3 set to
 * each of 32 values in turn: 0..13, −13..−9, −35..−23. The first giving the channel's checksum
 * security wins. (Learnt from its payloads as a black box: see MamAgainstReferenceTest.)
 */
public final class ReferenceOrderNonceFinder implements NonceFinder {

    public static final ReferenceOrderNonceFinder INSTANCE = new ReferenceOrderNonceFinder();

    /** Trits 0..3 of the candidates of one round, in the order they are tried. */
    private static final byte[][] LANES = new byte[32][];

    static {
        for (int j = 0; j < LANES.length; j++) {
            int value = j <= 13 ? j : j <= 18 ? j - 27 : j - 54;
            LANES[j] = org.iotahome.protocol.trinary.Trits.fromLong(value, 4);
        }
    }

    private static final int COUNTER = 54;

    private ReferenceOrderNonceFinder() {
    }

    @Override
    public byte[] find(Curl sponge, int security) {
        Iss.requireSecurity(security);
        byte[] nonce = new byte[NONCE_LENGTH];
        sponge.peek(nonce, 0, NONCE_LENGTH);
        byte[] hash = new byte[HASH_LENGTH];
        while (true) {
            increment(nonce, COUNTER);
            for (byte[] lane : LANES) {
                System.arraycopy(lane, 0, nonce, 0, lane.length);
                Curl trial = sponge.copy();
                trial.absorb(nonce, 0, NONCE_LENGTH);
                trial.peek(hash, 0, HASH_LENGTH);
                if (Iss.checksumSecurity(hash) == security) return nonce;
            }
        }
    }

    /** Adds 1 to the balanced integer in trits {@code from..end}; wraps past the top. */
    private static void increment(byte[] trits, int from) {
        for (int i = from; i < trits.length; i++) {
            if (trits[i] < 1) {
                trits[i]++;
                return;
            }
            trits[i] = -1;
        }
    }
}
