package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import org.iotahome.protocol.hash.Curl;

/**
 * Our nonce search: the first of rate[0..81], then that plus 1, 2, 3… (as an 81-trit balanced
 * integer) that gives the channel's checksum security. Deterministic, so one seed, state and
 * message always make one payload. The reference client's search visits candidates in another
 * order, so its nonces differ; both are valid (see README, MAM).
 */
public final class CountingNonceFinder implements NonceFinder {

    public static final CountingNonceFinder INSTANCE = new CountingNonceFinder();

    private CountingNonceFinder() {
    }

    @Override
    public byte[] find(Curl sponge, int security) {
        Iss.requireSecurity(security);
        byte[] nonce = new byte[NONCE_LENGTH];
        sponge.peek(nonce, 0, NONCE_LENGTH);
        byte[] hash = new byte[HASH_LENGTH];
        while (true) {
            Curl trial = sponge.copy();
            trial.absorb(nonce, 0, NONCE_LENGTH);
            trial.peek(hash, 0, HASH_LENGTH);
            if (Iss.checksumSecurity(hash) == security) return nonce;
            increment(nonce);
        }
    }

    private static void increment(byte[] trits) {
        for (int i = 0; i < trits.length; i++) {
            if (trits[i] < 1) {
                trits[i]++;
                return;
            }
            trits[i] = -1;
        }
    }
}
