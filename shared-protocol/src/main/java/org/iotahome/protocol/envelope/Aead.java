package org.iotahome.protocol.envelope;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 and AES-256-GCM as envelopes (PROTOCOL.md §6) and the pairing seal (§4) use them:
 * a 32-byte key, a 12-byte iv, the ciphertext followed by the 16-byte tag.
 */
public final class Aead {

    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private Aead() {
    }

    /** Why {@code iv} is no GCM iv for us (12 bytes), or null: for the records that carry one. */
    public static String ivProblem(byte[] iv) {
        return iv != null && iv.length == IV_BYTES ? null : "must be " + IV_BYTES + " bytes, was " + (iv == null ? "missing" : iv.length);
    }

    /** Why {@code ct} cannot be GCM ciphertext with its tag, or null. */
    public static String ctProblem(byte[] ct) {
        return ct != null && ct.length >= TAG_BYTES ? null
                : "must hold at least the " + TAG_BYTES + "-byte tag, was " + (ct == null ? "missing" : ct.length + " bytes");
    }

    /** HKDF-SHA256 (RFC 5869) to a 32-byte key; an empty or null salt is the RFC's zero salt. */
    public static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt == null || salt.length == 0 ? null : salt, info));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, KEY_BYTES);
        return key;
    }

    public static byte[] seal(byte[] key, byte[] iv, byte[] plaintext) {
        return seal(key, iv, plaintext, new byte[0]);
    }

    /** AES-256-GCM with associated data: the tag then also covers {@code aad}, which is not sent. */
    public static byte[] seal(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, iv);
            c.updateAAD(aad);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is available in every Java 17", e);
        }
    }

    /** The plaintext, or empty when the tag does not verify. */
    public static Optional<byte[]> open(byte[] key, byte[] iv, byte[] sealed) {
        return open(key, iv, sealed, new byte[0]);
    }

    /** The plaintext, or empty when the tag does not verify for this {@code aad}. */
    public static Optional<byte[]> open(byte[] key, byte[] iv, byte[] sealed, byte[] aad) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, iv);
            c.updateAAD(aad);
            return Optional.of(c.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is available in every Java 17", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("AES-256 key must be 32 bytes, was " + key.length);
        if (iv.length != IV_BYTES) throw new IllegalArgumentException("GCM iv must be 12 bytes, was " + iv.length);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG_BYTES, iv));
        return c;
    }
}
