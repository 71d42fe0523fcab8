package org.iotahome.protocol.hash;

/** A trinary sponge with a 243-trit rate: Curl-P or Kerl. Not thread-safe; one per use. */
public interface Sponge {

    int HASH_LENGTH = 243;

    void absorb(byte[] trits, int offset, int length);

    default void absorb(byte[] trits) {
        absorb(trits, 0, trits.length);
    }

    void squeeze(byte[] out, int offset, int length);

    default byte[] squeeze(int length) {
        byte[] out = new byte[length];
        squeeze(out, 0, length);
        return out;
    }

    void reset();
}
