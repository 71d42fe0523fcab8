package org.iotahome.home.pairing;

import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;

/** How a claim ended: the device accepted (and joined the household) or refused with its reason. */
public sealed interface PairingOutcome {

    record Paired(Device device, ChannelKey consent) implements PairingOutcome {}

    record Refused(String reason) implements PairingOutcome {}
}
