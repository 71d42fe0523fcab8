package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;
import static org.iotahome.protocol.mam.NonceFinder.NONCE_LENGTH;

import org.iotahome.protocol.trinary.Trytes;

/**
 * Writes one MAM v0 payload (PROTOCOL.md §5), given the keys a channel derives. Layout, in trits:
 * pascal(index) pascal(message length) | next root, message | nonce | signature |
 * pascal(sibling count), siblings | zero padding. The header is clear and absorbed; each part
 * after it is masked as its own slice.
 */
public final class MamEncoder {

    private MamEncoder() {
    }

    /** What one message needs: all trit arrays; {@code siblings} may be empty (one-leaf tree). */
    public record Parts(SideKey sideKey, byte[] root, long index, byte[] nextRoot, byte[] message,
                        byte[] privateKey, byte[] siblings, int security) {

        public Parts {
            Iss.requireSecurity(security);
            if (root.length != HASH_LENGTH || nextRoot.length != HASH_LENGTH)
                throw new IllegalArgumentException("roots are 243 trits");
            if (message.length % 3 != 0) throw new IllegalArgumentException("a message is whole trytes");
            if (privateKey.length != security * Iss.KEY_LENGTH_PER_LEVEL)
                throw new IllegalArgumentException("private key of " + privateKey.length + " trits does not match security " + security);
            if (siblings.length % HASH_LENGTH != 0) throw new IllegalArgumentException("siblings are whole hashes");
            if (index < 0 || siblings.length / HASH_LENGTH < 63 && index >= 1L << (siblings.length / HASH_LENGTH))
                throw new IllegalArgumentException("index " + index + " is outside a tree with " + siblings.length / HASH_LENGTH + " levels");
        }
    }

    /** The payload trytes. */
    public static String encode(Parts parts, NonceFinder nonces) {
        int messageLength = parts.message().length;
        int siblingCount = parts.siblings().length / HASH_LENGTH;
        int signatureLength = parts.security() * Iss.KEY_LENGTH_PER_LEVEL;
        byte[] buf = new byte[payloadLength(parts.index(), messageLength, siblingCount, parts.security())];

        int p = Pascal.encode(parts.index(), buf, 0);
        p += Pascal.encode(messageLength, buf, p);
        MaskingSponge sponge = new MaskingSponge();
        sponge.absorb(parts.sideKey().trits(), 0, HASH_LENGTH);
        sponge.absorb(parts.root(), 0, HASH_LENGTH);
        sponge.absorb(buf, 0, p);

        System.arraycopy(parts.nextRoot(), 0, buf, p, HASH_LENGTH);
        System.arraycopy(parts.message(), 0, buf, p + HASH_LENGTH, messageLength);
        sponge.mask(buf, p, HASH_LENGTH + messageLength);
        p += HASH_LENGTH + messageLength;

        byte[] nonce = nonces.find(sponge.sponge(), parts.security());
        System.arraycopy(nonce, 0, buf, p, NONCE_LENGTH);
        sponge.mask(buf, p, NONCE_LENGTH);
        p += NONCE_LENGTH;
        byte[] hash = sponge.rate();
        if (Iss.checksumSecurity(hash) != parts.security())
            throw new IllegalStateException("nonce finder returned a nonce of checksum security "
                    + Iss.checksumSecurity(hash) + ", needed " + parts.security());

        System.arraycopy(Iss.signature(hash, parts.privateKey()), 0, buf, p, signatureLength);
        sponge.mask(buf, p, signatureLength);
        p += signatureLength;

        int start = p;
        p += Pascal.encode(siblingCount, buf, p);
        System.arraycopy(parts.siblings(), 0, buf, p, parts.siblings().length);
        p += parts.siblings().length;
        sponge.mask(buf, start, p - start);
        return Trytes.fromTrits(buf);
    }

    /**
     * The payload length in trits. The reference client sizes its buffer as if the length header
     * counted the next root as well (pascal(243 + message length)); the excess stays zero, so we
     * size alike and make the same trytes.
     */
    static int payloadLength(long index, int messageLength, int siblingCount, int security) {
        int length = Pascal.encodedLength(index) + Pascal.encodedLength(HASH_LENGTH + messageLength)
                + HASH_LENGTH + messageLength + NONCE_LENGTH + security * Iss.KEY_LENGTH_PER_LEVEL
                + Pascal.encodedLength(siblingCount) + siblingCount * HASH_LENGTH;
        return (length + 2) / 3 * 3;
    }
}
