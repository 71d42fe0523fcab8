package org.iotahome.protocol.tangle;

import java.util.Objects;
import org.iotahome.protocol.trinary.Trytes;

/** A direct message read at an address (PROTOCOL.md §3): its JSON text, bundle and attachment time. */
public record DirectMessage(String address, String json, String bundleHash, long attachedAtMillis) {

    public DirectMessage {
        Trytes.requireTrytes("address", address, Transaction.HASH_TRYTES);
        Objects.requireNonNull(json, "json");
        Trytes.requireTrytes("bundle hash", bundleHash, Transaction.HASH_TRYTES);
    }
}
