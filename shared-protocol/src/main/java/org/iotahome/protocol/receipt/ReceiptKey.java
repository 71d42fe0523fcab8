package org.iotahome.protocol.receipt;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.iotahome.protocol.storage.RandomSecretFile;

/**
 * The key My Home signs consent receipts with (Ed25519, RFC 8032, Bouncy Castle): one per My Home,
 * its 32-byte private seed kept in a file made once, its public key shown on the about page.
 */
public final class ReceiptKey {

    static final int SEED_BYTES = 32;

    private final Ed25519PrivateKeyParameters key;
    private final String publicKey;

    public ReceiptKey(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        this.key = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());
    }

    /** The key in {@code file} (base64 of the seed), made now from {@code random} if the file is not there (owner-only). */
    public static ReceiptKey inFile(Path file, SecureRandom random) {
        return new ReceiptKey(Base64.getDecoder().decode(RandomSecretFile.loadOrCreate(file, SEED_BYTES, random)));
    }

    /** The public key, base64 of its 32 bytes: what a receipt names and the about page shows. */
    public String publicKey() {
        return publicKey;
    }

    /** A short, readable name for the public key: the first 8 bytes of its SHA-256, in groups of four hex digits. */
    public String fingerprint() {
        return fingerprintOf(publicKey);
    }

    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Whether {@code signature} is {@code publicKey}'s (base64) over {@code message}; false for a malformed key or signature. */
    static boolean verifies(String publicKey, byte[] message, byte[] signature) {
        byte[] pub;
        try {
            pub = Base64.getDecoder().decode(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (pub.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) return false;
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(pub, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** {@link #fingerprint()} of any public key (base64). */
    public static String fingerprintOf(String publicKey) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
        return String.join(" ", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12, 16));
    }

    /** Never the private key: keys end up in logs. */
    @Override
    public String toString() {
        return "ReceiptKey[" + fingerprint() + "]";
    }
}
