package org.iotahome.protocol.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.iotahome.protocol.envelope.Aead;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;

/**
 * The device's consent wrap key (PROTOCOL.md §7, "A revoked provider sees nothing more"):
 * HKDF-SHA256(ikm = the secret's ASCII, salt = the device address's ASCII, info
 * {@code iotahome-consent-wrap-v1}). My Home seals each new consent side key with it for the
 * device in KEY_ROTATION, and keeps it in DEVICE_ADDED on its household channel, so a fold from
 * its seed alone can still read past a rotation and rotate again.
 */
public record ConsentWrapKey(byte[] bytes) {

    private static final byte[] INFO = "iotahome-consent-wrap-v1".getBytes(StandardCharsets.US_ASCII);

    public ConsentWrapKey {
        if (bytes == null || bytes.length != Aead.KEY_BYTES)
            throw new IllegalArgumentException("consent wrap key must be " + Aead.KEY_BYTES + " bytes");
        bytes = bytes.clone();
    }

    public static ConsentWrapKey derive(DeviceSecret secret, Address device) {
        return new ConsentWrapKey(Aead.hkdf(secret.trytes().getBytes(StandardCharsets.US_ASCII),
                device.trytes().getBytes(StandardCharsets.US_ASCII), INFO));
    }

    public static ConsentWrapKey fromBase64(String base64) {
        try {
            return new ConsentWrapKey(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consent wrap key must be base64 of 32 bytes: " + e.getMessage(), e);
        }
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public SealedValue wrap(SideKey key, SecureRandom random) {
        byte[] iv = new byte[Aead.IV_BYTES];
        random.nextBytes(iv);
        return new SealedValue(iv, Aead.seal(bytes, iv, key.trytes().getBytes(StandardCharsets.US_ASCII)));
    }

    /** The side key in {@code sealed}; a {@link PairingSealException} when it does not open under this key. */
    public SideKey unwrap(SealedValue sealed) {
        byte[] plain = Aead.open(bytes, sealed.iv(), sealed.ct()).orElseThrow(() -> new PairingSealException(
                "the wrapped consent key does not open under this device's wrap key (another secret, or tampered)"));
        try {
            return new SideKey(new String(plain, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new PairingSealException("the wrapped consent key opens but is not a side key");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentWrapKey k && MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    /** Never the key: records print their fields, logs must not. */
    @Override
    public String toString() {
        return "ConsentWrapKey[32 bytes]";
    }
}
