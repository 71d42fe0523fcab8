package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import org.iotahome.protocol.hash.Curl;

/**
 * Winternitz one-time signatures over Curl-P-27, as MAM v0 uses them (PROTOCOL.md §5): leaf
 * {@code i} of a channel has subseed Curl(seed + i); its private key is {@code security·27} chunks
 * squeezed from the subseed, each re-hashed once; the digest hashes each chunk 26 more times and
 * absorbs them all; the leaf address is the hash of the digest. Signing hashes chunk i
 * {@code 13 − tryte_i} times, so a verifier's {@code 13 + tryte_i} more reach the digest.
 */
public final class Iss {

    public static final int CHUNKS_PER_LEVEL = 27;
    public static final int KEY_LENGTH_PER_LEVEL = CHUNKS_PER_LEVEL * HASH_LENGTH;
    static final int MAX_TRYTE = 13;

    private Iss() {
    }

    /** Curl-P-27 of the seed plus {@code index} (added as a balanced integer). */
    public static byte[] subseed(byte[] seed, long index) {
        if (seed.length != HASH_LENGTH) throw new IllegalArgumentException("seed must be 243 trits, was " + seed.length);
        if (index < 0) throw new IllegalArgumentException("leaf index must be ≥ 0, was " + index);
        byte[] s = seed.clone();
        add(s, index);
        Curl curl = Curl.p27();
        curl.absorb(s);
        return curl.squeeze(HASH_LENGTH);
    }

    public static byte[] privateKey(byte[] subseed, int security) {
        requireSecurity(security);
        Curl curl = Curl.p27();
        curl.absorb(subseed);
        byte[] key = curl.squeeze(security * KEY_LENGTH_PER_LEVEL);
        for (int p = 0; p < key.length; p += HASH_LENGTH) hashChunk(curl, key, p, 1);
        return key;
    }

    /** The key's digest: each chunk hashed 26 times, all absorbed into one sponge. */
    public static byte[] digest(byte[] privateKey) {
        Curl chunkCurl = Curl.p27();
        Curl digest = Curl.p27();
        byte[] chunk = new byte[HASH_LENGTH];
        for (int p = 0; p < privateKey.length; p += HASH_LENGTH) {
            System.arraycopy(privateKey, p, chunk, 0, HASH_LENGTH);
            hashChunk(chunkCurl, chunk, 0, 2 * MAX_TRYTE);
            digest.absorb(chunk);
        }
        return digest.squeeze(HASH_LENGTH);
    }

    public static byte[] address(byte[] digest) {
        byte[] a = digest.clone();
        hashChunk(Curl.p27(), a, 0, 1);
        return a;
    }

    /** The leaf address of {@code seed} at {@code index}: what a Merkle tree is built from. */
    public static byte[] leafAddress(byte[] seed, long index, int security) {
        return address(digest(privateKey(subseed(seed, index), security)));
    }

    /** Signs {@code hash} (243 trits): chunk i of the key hashed 13 − tryte_i times. */
    public static byte[] signature(byte[] hash, byte[] privateKey) {
        byte[] sig = privateKey.clone();
        Curl curl = Curl.p27();
        for (int i = 0, p = 0; p < sig.length; i++, p += HASH_LENGTH)
            hashChunk(curl, sig, p, MAX_TRYTE - tryte(hash, i));
        return sig;
    }

    /** The digest a signature of {@code hash} leads to: chunk i hashed 13 + tryte_i more times. */
    public static byte[] digestOfSignature(byte[] hash, byte[] signature, int offset, int length) {
        Curl chunkCurl = Curl.p27();
        Curl digest = Curl.p27();
        byte[] chunk = new byte[HASH_LENGTH];
        for (int i = 0, p = offset; p < offset + length; i++, p += HASH_LENGTH) {
            System.arraycopy(signature, p, chunk, 0, HASH_LENGTH);
            hashChunk(chunkCurl, chunk, 0, MAX_TRYTE + tryte(hash, i));
            digest.absorb(chunk);
        }
        return digest.squeeze(HASH_LENGTH);
    }

    /**
     * The security a message hash carries: the smallest k (1..3) whose first k·81 trits sum to 0,
     * or 0 when none does. MAM searches a nonce until this equals the channel's security.
     */
    public static int checksumSecurity(byte[] hash) {
        int sum = 0;
        for (int level = 1; level <= 3; level++) {
            for (int i = (level - 1) * 81; i < level * 81; i++) sum += hash[i];
            if (sum == 0) return level;
        }
        return 0;
    }

    static void requireSecurity(int security) {
        if (security < 1 || security > 3) throw new IllegalArgumentException("security must be 1, 2 or 3, was " + security);
    }

    private static int tryte(byte[] hash, int i) {
        return hash[3 * i] + 3 * hash[3 * i + 1] + 9 * hash[3 * i + 2];
    }

    /** Replaces the 243 trits at {@code p} by their Curl-P-27 hash, {@code times} times. */
    static void hashChunk(Curl curl, byte[] trits, int p, int times) {
        curl.hashChunk(trits, p, times);
    }

    /** Adds a non-negative integer to balanced trits in place (carry past the top is dropped). */
    static void add(byte[] trits, long value) {
        long carry = value;
        for (int i = 0; i < trits.length && carry != 0; i++) {
            int digit = (int) Math.floorMod(carry, 3L);
            if (digit == 2) digit = -1;
            carry = (carry - digit) / 3;
            int sum = trits[i] + digit;
            if (sum > 1) {
                sum -= 3;
                carry++;
            } else if (sum < -1) {
                sum += 3;
                carry--;
            }
            trits[i] = (byte) sum;
        }
    }
}
