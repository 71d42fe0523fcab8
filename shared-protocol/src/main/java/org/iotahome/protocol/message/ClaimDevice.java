package org.iotahome.protocol.message;

import org.iotahome.protocol.tangle.Address;

/** My Home → device: My Home at {@code sender} wants to pair (PROTOCOL.md §3). */
public record ClaimDevice(Address sender) implements DirectMessage {

    public static final String TYPE = "CLAIM_DEVICE";

    public ClaimDevice {
        if (sender == null) throw new IllegalArgumentException("CLAIM_DEVICE needs a sender");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
