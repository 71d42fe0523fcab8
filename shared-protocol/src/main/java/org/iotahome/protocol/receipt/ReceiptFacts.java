package org.iotahome.protocol.receipt;

import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.trinary.Trytes;

/**
 * What My Home knows of one consent when it writes its receipt: the AUTHORIZED event, the consent
 * channel's root and side key at that event (to read it, and what follows, from the Tangle), the hash
 * of the bundle that carries it, who gave it ({@code principal}, the account's name), under which
 * law ({@code jurisdiction}) and how ({@code collectionMethod}).
 */
public record ReceiptFacts(Authorized authorized, ChannelKey consentAt, String bundleHash, String principal, String jurisdiction,
        String collectionMethod) {

    public ReceiptFacts {
        if (authorized == null || consentAt == null) throw new IllegalArgumentException("a receipt needs its AUTHORIZED and where it is");
        Trytes.requireTrytes("bundle hash", bundleHash, 81);
        if (principal == null || principal.isBlank()) throw new IllegalArgumentException("a receipt names who gave the consent");
        if (jurisdiction == null || jurisdiction.isBlank()) throw new IllegalArgumentException("a receipt names a jurisdiction");
        if (collectionMethod == null || collectionMethod.isBlank()) throw new IllegalArgumentException("a receipt says how consent was given");
    }

    /** Never the side key: facts end up in logs. */
    @Override
    public String toString() {
        return "ReceiptFacts[AUTHORIZED at " + consentAt.root() + ", bundle " + bundleHash + "]";
    }
}
