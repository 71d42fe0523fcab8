package org.iotahome.protocol.message;

import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.tangle.Address;

/** Device → claimant: prove you know the secret by signing this challenge (PROTOCOL.md §3, §4). */
public record ChallengeMessage(Address sender, Challenge challenge) implements DirectMessage {

    public static final String TYPE = "CHALLENGE";

    public ChallengeMessage {
        if (sender == null) throw new IllegalArgumentException("CHALLENGE needs a sender");
        if (challenge == null) throw new IllegalArgumentException("CHALLENGE needs a challenge");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
