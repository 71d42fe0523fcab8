package org.iotahome.protocol.envelope;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A KEM key pair. The private key is in the reference clients' layout (see {@link SntrupKem},
 * {@link MlKem}) and must embed the public key, so a key file with mismatched halves is refused.
 */
public final class EnvelopeKeyPair {

    private final EnvelopePublicKey publicKey;
    private final byte[] privateKey;

    public EnvelopeKeyPair(EnvelopePublicKey publicKey, byte[] privateKey) {
        KemAlgorithm alg = publicKey.alg();
        if (privateKey == null || privateKey.length != alg.privateKeyBytes())
            throw new KeyFileException(alg + " private key must be " + alg.privateKeyBytes() + " bytes, was "
                    + (privateKey == null ? "missing" : privateKey.length));
        if (!MessageDigest.isEqual(alg.kem().publicKeyOf(privateKey), publicKey.bytes()))
            throw new KeyFileException("the " + alg + " private key does not belong to the public key");
        this.publicKey = publicKey;
        this.privateKey = privateKey.clone();
    }

    public static EnvelopeKeyPair generate(KemAlgorithm alg, SecureRandom random) {
        byte[][] keys = alg.kem().generate(random);
        return new EnvelopeKeyPair(new EnvelopePublicKey(alg, keys[0]), keys[1]);
    }

    public KemAlgorithm alg() {
        return publicKey.alg();
    }

    public EnvelopePublicKey publicKey() {
        return publicKey;
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** The shared secret for a KEM ciphertext; package-private so the key never leaves the opener. */
    byte[] decapsulate(byte[] ciphertext) {
        return alg().kem().decapsulate(privateKey, ciphertext);
    }

    @Override
    public String toString() {
        return "EnvelopeKeyPair[" + alg() + "]";
    }
}
