package org.iotahome.protocol.envelope;

import java.util.Arrays;
import java.util.Base64;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A provider's KEM public key. It travels as {@code publicKeyTrytes} (PROTOCOL.md §6): the key's
 * base64 written as ASCII trytes, as the original did. The two algorithms' keys have different
 * lengths, so the trytes alone tell which algorithm a key is for.
 */
public record EnvelopePublicKey(KemAlgorithm alg, byte[] bytes) {

    public EnvelopePublicKey {
        if (alg == null) throw new BadPublicKeyException("public key algorithm is missing");
        if (bytes == null || bytes.length != alg.publicKeyBytes())
            throw new BadPublicKeyException(alg + " public key must be " + alg.publicKeyBytes() + " bytes, was "
                    + (bytes == null ? "missing" : bytes.length));
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code publicKeyTrytes}: base64 (padded), then each character as two trytes. */
    public String toTrytes() {
        return AsciiTrytes.toTrytes(Base64.getEncoder().encodeToString(bytes));
    }

    /** Reads {@code publicKeyTrytes} of either algorithm, telling them apart by length. */
    public static EnvelopePublicKey parse(String trytes) {
        if (trytes == null) throw new BadPublicKeyException("publicKeyTrytes is missing");
        KemAlgorithm alg = KemAlgorithm.byPublicKeyTrytesLength(trytes.length()).orElseThrow(() -> new BadPublicKeyException(
                "publicKeyTrytes must be " + lengths() + " trytes, was " + trytes.length()));
        return parse(alg, trytes);
    }

    /** Reads {@code publicKeyTrytes} that must be a key of {@code alg}. */
    public static EnvelopePublicKey parse(KemAlgorithm alg, String trytes) {
        if (trytes == null) throw new BadPublicKeyException("publicKeyTrytes is missing");
        if (!Trytes.isTrytes(trytes)) throw new BadPublicKeyException("publicKeyTrytes must be trytes (9A-Z)");
        if (trytes.length() != alg.publicKeyTrytesLength())
            throw new BadPublicKeyException(alg + " publicKeyTrytes must be " + alg.publicKeyTrytesLength()
                    + " trytes (" + alg.publicKeyBytes() + " bytes), was " + trytes.length());
        String base64;
        try {
            base64 = AsciiTrytes.fromTrytes(trytes);
        } catch (IllegalArgumentException e) {
            throw new BadPublicKeyException("publicKeyTrytes are not ASCII trytes: " + e.getMessage(), e);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BadPublicKeyException("publicKeyTrytes do not hold base64: " + e.getMessage(), e);
        }
        // One key, one spelling: refuse base64 with stray bits in its last character.
        if (!Base64.getEncoder().encodeToString(bytes).equals(base64))
            throw new BadPublicKeyException("publicKeyTrytes hold non-canonical base64");
        return new EnvelopePublicKey(alg, bytes);
    }

    private static String lengths() {
        StringBuilder sb = new StringBuilder();
        for (KemAlgorithm a : KemAlgorithm.values())
            sb.append(sb.length() == 0 ? "" : " or ").append(a.publicKeyTrytesLength()).append(" (").append(a).append(')');
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopePublicKey k && k.alg == alg && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * alg.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EnvelopePublicKey[" + alg + ", " + bytes.length + " bytes]";
    }
}
