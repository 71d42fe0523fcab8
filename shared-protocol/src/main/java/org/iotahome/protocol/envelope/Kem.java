package org.iotahome.protocol.envelope;

import java.security.SecureRandom;

/** One KEM over raw encodings, the byte layouts of the npm reference clients. */
interface Kem {

    /** Public and private key encodings. */
    byte[][] generate(SecureRandom random);

    /** The KEM ciphertext and the 32-byte shared secret. */
    byte[][] encapsulate(byte[] publicKey, SecureRandom random);

    /** The shared secret; a pseudo-random one for a ciphertext made for another key (implicit rejection). */
    byte[] decapsulate(byte[] privateKey, byte[] ciphertext);

    /** The public key embedded in a private key encoding. */
    byte[] publicKeyOf(byte[] privateKey);
}
