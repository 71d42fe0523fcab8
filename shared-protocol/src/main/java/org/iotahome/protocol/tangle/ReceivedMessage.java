package org.iotahome.protocol.tangle;

import java.util.Objects;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A direct message as read at an address (PROTOCOL.md §3): its JSON text, bundle and attachment
 * time; {@code message.MessageCodec} turns the text into a typed message.
 */
public record ReceivedMessage(String address, String json, String bundleHash, long attachedAtMillis) {

    public ReceivedMessage {
        Trytes.requireTrytes("address", address, Transaction.HASH_TRYTES);
        Objects.requireNonNull(json, "json");
        Trytes.requireTrytes("bundle hash", bundleHash, Transaction.HASH_TRYTES);
    }
}
