package org.iotahome.protocol.p1;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The encrypted P1 frame of the Luxembourg Smarty P1 specification (DLMS general-glo-ciphering):
 * {@code 0xDB 0x08} system title (8 bytes) {@code 0x82} length (2 bytes, big-endian: what
 * follows), security byte {@code 0x30}, frame counter (4 bytes), ciphertext, GCM tag (12 bytes).
 * AES-128-GCM with IV = system title ‖ frame counter and additional data = security byte ‖
 * authentication key. The plaintext is an ordinary telegram with its CRC line.
 */
public final class EncryptedFrame {

    public static final int START = 0xDB;
    /** 0xDB, 0x08, system title, 0x82, length. */
    public static final int HEADER_BYTES = 13;
    public static final int TAG_BYTES = 12;
    private static final int SECURITY = 0x30;

    private EncryptedFrame() {
    }

    /** The length field of a complete header in {@code h[0..13)}, or -1 when it is no frame header. */
    static int length(byte[] h) {
        if ((h[0] & 0xFF) != START || h[1] != 0x08 || (h[10] & 0xFF) != 0x82) return -1;
        return (h[11] & 0xFF) << 8 | h[12] & 0xFF;
    }

    static long frameCounter(byte[] frame) {
        return (frame[14] & 0xFFL) << 24 | (frame[15] & 0xFFL) << 16 | (frame[16] & 0xFFL) << 8 | frame[17] & 0xFFL;
    }

    /** The plaintext, or null when the tag does not verify (a wrong key, or a damaged frame). */
    static byte[] decrypt(byte[] frame, P1Keys keys) {
        if ((frame[13] & 0xFF) != SECURITY || frame.length < HEADER_BYTES + 5 + TAG_BYTES) return null;
        byte[] iv = new byte[12];
        System.arraycopy(frame, 2, iv, 0, 8);
        System.arraycopy(frame, 14, iv, 8, 4);
        byte[] auth = keys.authenticationKey();
        byte[] aad = new byte[1 + auth.length];
        aad[0] = SECURITY;
        System.arraycopy(auth, 0, aad, 1, auth.length);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.decryptionKey(), "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, iv));
            gcm.updateAAD(aad);
            return gcm.doFinal(frame, HEADER_BYTES + 5, frame.length - HEADER_BYTES - 5);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must offer AES/GCM/NoPadding", e);
        }
    }

    /**
     * A frame as the meter sends it: for tests and the simulated meter, never for real keys'
     * plaintext leaving the home. {@code systemTitle} is 8 bytes.
     */
    public static byte[] encrypt(byte[] plaintext, byte[] systemTitle, long frameCounter, P1Keys keys) {
        if (systemTitle.length != 8) throw new IllegalArgumentException("a system title is 8 bytes, got " + systemTitle.length);
        if (frameCounter < 0 || frameCounter > 0xFFFFFFFFL)
            throw new IllegalArgumentException("a frame counter is 4 bytes, got " + frameCounter);
        byte[] iv = Arrays.copyOf(systemTitle, 12);
        for (int i = 0; i < 4; i++) iv[8 + i] = (byte) (frameCounter >>> (24 - 8 * i));
        byte[] auth = keys.authenticationKey();
        byte[] aad = new byte[1 + auth.length];
        aad[0] = SECURITY;
        System.arraycopy(auth, 0, aad, 1, auth.length);
        byte[] sealed;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.decryptionKey(), "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, iv));
            gcm.updateAAD(aad);
            sealed = gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must offer AES/GCM/NoPadding", e);
        }
        int length = 5 + sealed.length;
        if (length > 0xFFFF) throw new IllegalArgumentException("plaintext too long for one frame: " + plaintext.length);
        byte[] frame = new byte[HEADER_BYTES + length];
        frame[0] = (byte) START;
        frame[1] = 0x08;
        System.arraycopy(systemTitle, 0, frame, 2, 8);
        frame[10] = (byte) 0x82;
        frame[11] = (byte) (length >>> 8);
        frame[12] = (byte) length;
        frame[13] = SECURITY;
        System.arraycopy(iv, 8, frame, 14, 4);
        System.arraycopy(sealed, 0, frame, 18, sealed.length);
        return frame;
    }
}
