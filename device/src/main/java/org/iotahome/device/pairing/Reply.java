package org.iotahome.device.pairing;

import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.tangle.Address;

/** A direct message the device sends in answer, and the address it goes to (PROTOCOL.md §3). */
public record Reply(Address to, DirectMessage message) {

    public Reply {
        if (to == null || message == null) throw new IllegalArgumentException("a reply needs an address and a message");
    }
}
