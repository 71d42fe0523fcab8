package org.iotahome.home.pairing;

import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;

/** How a pairing attempt ended: one clear outcome for the person who started it. */
public sealed interface PairingOutcome {

    /** The device accepted and joined the household. */
    record Paired(Device device, ChannelKey consent) implements PairingOutcome {}

    /** The device said no; {@code reason} is its own words. */
    record Refused(Kind kind, String reason) implements PairingOutcome {
        public enum Kind { WRONG_SECRET, ALREADY_PAIRED, OTHER }
    }

    /** Nothing usable came back in time after {@code lastStep}. */
    record NoAnswer(PairingStep lastStep, String advice) implements PairingOutcome {}
}
