package org.iotahome.protocol.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Seals text for the holder of one public key (PROTOCOL.md §6). Thread-safe. */
public final class EnvelopeSealer {

    static final byte[] INFO = "iotahome-envelope-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;

    public EnvelopeSealer(SecureRandom random) {
        this.random = random;
    }

    public Envelope seal(EnvelopePublicKey to, String plaintext) {
        byte[][] encapsulated = to.alg().kem().encapsulate(to.bytes(), random);
        byte[] key = Aead.hkdf(encapsulated[1], new byte[0], INFO);
        byte[] iv = new byte[Aead.IV_BYTES];
        random.nextBytes(iv);
        byte[] ct = Aead.seal(key, iv, plaintext.getBytes(StandardCharsets.UTF_8));
        return new Envelope(to.alg(), encapsulated[0], iv, ct);
    }
}
