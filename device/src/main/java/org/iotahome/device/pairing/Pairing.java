package org.iotahome.device.pairing;

import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.tangle.Address;

/**
 * The device is paired: with My Home at {@code home}, whose consent channel for this device starts
 * at {@code consent} (PROTOCOL.md §3, §7: the channel key sealed in ANSWER_CHALLENGE).
 */
public record Pairing(Address home, ChannelKey consent) {

    public Pairing {
        if (home == null) throw new IllegalArgumentException("a pairing needs My Home's address");
        if (consent == null) throw new IllegalArgumentException("a pairing needs the consent channel key");
    }

    /** Never the side key: pairings end up in logs. */
    @Override
    public String toString() {
        return "Pairing[home=" + home + ", consent root=" + consent.root() + "]";
    }
}
