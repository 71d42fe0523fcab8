package org.iotahome.protocol.mam;

import org.iotahome.protocol.hash.Curl;

/**
 * Picks the 81-trit nonce after the message (PROTOCOL.md §5): absorbed into {@code sponge}, it
 * must leave a rate whose checksum security equals the channel's. Any such nonce is valid to every
 * reader; the strategy only decides which one.
 */
@FunctionalInterface
public interface NonceFinder {

    int NONCE_LENGTH = 81;

    /** A nonce for {@code sponge} (not modified) at {@code security}. */
    byte[] find(Curl sponge, int security);
}
