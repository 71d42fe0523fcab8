package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;
import static org.iotahome.protocol.mam.NonceFinder.NONCE_LENGTH;

import org.iotahome.protocol.trinary.Trytes;

/**
 * Reads and verifies one MAM v0 payload (PROTOCOL.md §5) against the root it was found at and a
 * side key. The signature is checked before anything is returned, so a wrong key, a payload for
 * another root, a truncated or tampered payload is a {@link MamException}, never a message.
 * Trits after the siblings (the writer's padding, the transport's trailing '9's) are ignored.
 */
public final class MamDecoder {

    /** Deeper trees than this need more leaves than any channel signs with. */
    static final int MAX_SIBLINGS = 32;

    private MamDecoder() {
    }

    public static DecodedMessage decode(String payload, String root, SideKey sideKey) throws MamException {
        Trytes.requireTrytes("root", root, 81);
        if (!Trytes.isTrytes(payload)) throw new MalformedPayloadException("payload is not trytes (9A-Z)");
        byte[] t = Trytes.toTrits(payload);
        int limit = t.length;

        Pascal.Decoded index = Pascal.decode(t, 0, limit, "index");
        Pascal.Decoded length = Pascal.decode(t, index.length(), limit, "message length");
        if (length.value() % 3 != 0)
            throw new MalformedPayloadException("message length " + length.value() + " trits is not whole trytes");
        int header = index.length() + length.length();
        long messageEnd = header + HASH_LENGTH + length.value();
        require(messageEnd + NONCE_LENGTH, limit, "next root, message (" + length.value() + " trits) and nonce");
        int messageLength = (int) length.value();

        MaskingSponge sponge = new MaskingSponge();
        sponge.absorb(sideKey.trits(), 0, HASH_LENGTH);
        sponge.absorb(Trytes.toTrits(root), 0, HASH_LENGTH);
        sponge.absorb(t, 0, header);
        sponge.unmask(t, header, HASH_LENGTH + messageLength);
        int p = header + HASH_LENGTH + messageLength;
        sponge.unmask(t, p, NONCE_LENGTH);
        p += NONCE_LENGTH;

        byte[] hash = sponge.rate();
        int security = Iss.checksumSecurity(hash);
        if (security == 0)
            throw new UnreadableMessageException("message hash has no valid checksum under this side key and root"
                    + " (a wrong side key, a payload for another root, or corrupted trits)");
        int signatureLength = security * Iss.KEY_LENGTH_PER_LEVEL;
        require((long) p + signatureLength, limit, "security-" + security + " signature");
        sponge.unmask(t, p, signatureLength);
        byte[] address = Iss.address(Iss.digestOfSignature(hash, t, p, signatureLength));
        p += signatureLength;

        int siblings = siblingCount(sponge, t, p, limit);
        if (siblings < 63 && index.value() >= 1L << siblings)
            throw new MalformedPayloadException("index " + index.value() + " is outside a tree of " + siblings + " levels");
        int countLength = Pascal.encodedLength(siblings);
        require((long) p + countLength + (long) siblings * HASH_LENGTH, limit, siblings + " Merkle siblings");
        sponge.unmask(t, p, countLength + siblings * HASH_LENGTH);
        byte[] computed = MerkleTree.rootOf(address, t, p + countLength, siblings, index.value());
        String computedRoot = Trytes.fromTrits(computed);
        if (!computedRoot.equals(root)) throw new BadSignatureException(root, computedRoot);

        return new DecodedMessage(
                Trytes.fromTrits(t, header + HASH_LENGTH, messageLength),
                Trytes.fromTrits(t, header, HASH_LENGTH),
                index.value(), security);
    }

    /**
     * The sibling count opens a masked slice whose length it gives: peek with the slice's first key
     * stream (the same whatever the slice's length) to read it before unmasking the slice.
     */
    private static int siblingCount(MaskingSponge sponge, byte[] t, int p, int limit) throws MamException {
        int n = Math.min(HASH_LENGTH, limit - p);
        byte[] key = new byte[HASH_LENGTH];
        sponge.keyStream(key, n);
        byte[] head = new byte[n];
        for (int i = 0; i < n; i++) head[i] = MaskingSponge.sum(t[p + i], -key[i]);
        Pascal.Decoded count = Pascal.decode(head, 0, n, "sibling count");
        if (count.value() > MAX_SIBLINGS)
            throw new MalformedPayloadException("sibling count " + count.value() + " exceeds " + MAX_SIBLINGS);
        return (int) count.value();
    }

    private static void require(long needed, int actual, String part) throws TruncatedPayloadException {
        if (needed > actual) throw new TruncatedPayloadException(part, (int) Math.min(needed, Integer.MAX_VALUE), actual);
    }
}
