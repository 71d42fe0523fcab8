package org.iotahome.protocol.mam;

import static org.iotahome.protocol.hash.Sponge.HASH_LENGTH;

import org.iotahome.protocol.trinary.Trytes;

/** Test support: the nonce a reference payload carries, unmasked (its search order is its own). */
final class ReferenceNonce {

    private ReferenceNonce() {
    }

    static NonceFinder of(MamVector v) throws MamException {
        byte[] t = Trytes.toTrits(v.payload());
        Pascal.Decoded index = Pascal.decode(t, 0, t.length, "index");
        Pascal.Decoded length = Pascal.decode(t, index.length(), t.length, "length");
        int header = index.length() + length.length();
        MaskingSponge sponge = new MaskingSponge();
        sponge.absorb(v.key().trits(), 0, HASH_LENGTH);
        sponge.absorb(Trytes.toTrits(v.root()), 0, HASH_LENGTH);
        sponge.absorb(t, 0, header);
        sponge.unmask(t, header, HASH_LENGTH + (int) length.value());
        int p = header + HASH_LENGTH + (int) length.value();
        sponge.unmask(t, p, NonceFinder.NONCE_LENGTH);
        byte[] nonce = java.util.Arrays.copyOfRange(t, p, p + NonceFinder.NONCE_LENGTH);
        return (sponge1, security) -> nonce.clone();
    }
}
