package org.iotahome.protocol.hash;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Kerl (PROTOCOL.md §1): Keccak-384 over 243-trit chunks, each converted to a 48-byte two's
 * complement integer with trit 242 zeroed; each squeeze re-seeds Keccak with the digest's bitwise
 * complement, as the IOTA reference does.
 */
public final class Kerl implements Sponge {

    private static final int BYTE_LENGTH = 48;
    private static final int INT_TRITS = HASH_LENGTH - 1;
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final BigInteger MODULUS = THREE.pow(INT_TRITS);
    private static final BigInteger HALF = MODULUS.subtract(BigInteger.ONE).shiftRight(1);

    private final KeccakDigest keccak = new KeccakDigest(384);
    private final byte[] bytes = new byte[BYTE_LENGTH];

    @Override
    public void absorb(byte[] trits, int offset, int length) {
        if (length % HASH_LENGTH != 0)
            throw new IllegalArgumentException("Kerl absorbs whole 243-trit chunks, got " + length + " trits");
        for (int p = offset; p < offset + length; p += HASH_LENGTH) {
            tritsToBytes(trits, p, bytes);
            keccak.update(bytes, 0, BYTE_LENGTH);
        }
    }

    @Override
    public void squeeze(byte[] out, int offset, int length) {
        if (length % HASH_LENGTH != 0)
            throw new IllegalArgumentException("Kerl squeezes whole 243-trit chunks, asked " + length + " trits");
        for (int p = offset; p < offset + length; p += HASH_LENGTH) {
            keccak.doFinal(bytes, 0);
            bytesToTrits(bytes, out, p);
            for (int i = 0; i < BYTE_LENGTH; i++) bytes[i] = (byte) ~bytes[i];
            keccak.update(bytes, 0, BYTE_LENGTH);
        }
    }

    @Override
    public void reset() {
        keccak.reset();
    }

    /** The 243-trit Kerl hash of whole chunks. */
    public static byte[] hash(byte[] trits) {
        Kerl k = new Kerl();
        k.absorb(trits);
        return k.squeeze(HASH_LENGTH);
    }

    /** 242 balanced trits (the 243rd ignored) as a signed 384-bit big-endian integer. */
    static void tritsToBytes(byte[] trits, int offset, byte[] out) {
        BigInteger v = BigInteger.ZERO;
        for (int i = offset + INT_TRITS - 1; i >= offset; i--) v = v.multiply(THREE).add(BigInteger.valueOf(trits[i]));
        byte[] raw = v.toByteArray();
        byte fill = (byte) (v.signum() < 0 ? 0xFF : 0);
        int pad = BYTE_LENGTH - raw.length;
        for (int i = 0; i < BYTE_LENGTH; i++) out[i] = i < pad ? fill : raw[i - pad];
    }

    /** A signed 384-bit integer as 242 balanced trits (value taken modulo 3^242) and a zero trit 242. */
    static void bytesToTrits(byte[] bytes, byte[] out, int offset) {
        BigInteger u = new BigInteger(bytes).add(HALF).mod(MODULUS);
        for (int i = 0; i < INT_TRITS; i++) {
            BigInteger[] qr = u.divideAndRemainder(THREE);
            out[offset + i] = (byte) (qr[1].intValue() - 1);
            u = qr[0];
        }
        out[offset + INT_TRITS] = 0;
    }
}
