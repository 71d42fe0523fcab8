package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import org.iotahome.protocol.hash.Curl;

/**
 * MAM's cipher (PROTOCOL.md §5): Curl-P-27 keyed by absorbing side key and root; each chunk of up
 * to 243 trits is masked with the rate as key stream (cipher = plain + key, per trit, mod 3), then
 * the plain chunk is absorbed. A slice is cut into chunks from its own start.
 */
final class MaskingSponge {

    private final Curl curl = Curl.p27();
    private final byte[] key = new byte[HASH_LENGTH];

    void absorb(byte[] trits, int offset, int length) {
        curl.absorb(trits, offset, length);
    }

    void mask(byte[] buf, int offset, int length) {
        for (int p = offset, end = offset + length; p < end; p += HASH_LENGTH) {
            int n = Math.min(HASH_LENGTH, end - p);
            curl.peek(key, 0, n);
            curl.absorb(buf, p, n);
            for (int i = 0; i < n; i++) buf[p + i] = sum(buf[p + i], key[i]);
        }
    }

    void unmask(byte[] buf, int offset, int length) {
        for (int p = offset, end = offset + length; p < end; p += HASH_LENGTH) {
            int n = Math.min(HASH_LENGTH, end - p);
            curl.peek(key, 0, n);
            for (int i = 0; i < n; i++) buf[p + i] = sum(buf[p + i], (byte) -key[i]);
            curl.absorb(buf, p, n);
        }
    }

    /** The key stream the next chunk would be masked with (for peeking at a masked header). */
    void keyStream(byte[] out, int length) {
        curl.peek(out, 0, length);
    }

    /** The 243-trit rate: after the nonce, the hash the message is signed over. */
    byte[] rate() {
        byte[] out = new byte[HASH_LENGTH];
        curl.peek(out, 0, HASH_LENGTH);
        return out;
    }

    Curl sponge() {
        return curl;
    }

    static byte sum(int a, int b) {
        int s = a + b;
        return (byte) (s > 1 ? s - 3 : s < -1 ? s + 3 : s);
    }
}
