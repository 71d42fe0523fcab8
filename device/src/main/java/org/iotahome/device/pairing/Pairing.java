package org.iotahome.device.pairing;

import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.tangle.Address;

/**
 * The device's pairing with My Home at {@code home}, whose consent channel for this device starts
 * at {@code consent} (PROTOCOL.md §3, §7: the channel key sealed in ANSWER_CHALLENGE). Pending
 * until {@code confirmed}: only once DEVICE_ADDED is read on that consent channel (§4) does the
 * device refuse other claims.
 */
public record Pairing(Address home, ChannelKey consent, boolean confirmed) {

    public Pairing {
        if (home == null) throw new IllegalArgumentException("a pairing needs My Home's address");
        if (consent == null) throw new IllegalArgumentException("a pairing needs the consent channel key");
    }

    public static Pairing pending(Address home, ChannelKey consent) {
        return new Pairing(home, consent, false);
    }

    public Pairing confirm() {
        return new Pairing(home, consent, true);
    }

    /** Never the side key: pairings end up in logs. */
    @Override
    public String toString() {
        return "Pairing[home=" + home + ", consent root=" + consent.root() + (confirmed ? ", confirmed" : ", pending") + "]";
    }
}
