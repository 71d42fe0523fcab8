package org.iotahome.protocol.message;

import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;

/**
 * My Home → device: the signed challenge and the device's consent channel key, sealed with the
 * pairing key so only the holder of the secret reads it (PROTOCOL.md §3, §4).
 */
public record AnswerChallenge(Address sender, SignedChallenge signedChallenge, SealedValue channel) implements DirectMessage {

    public static final String TYPE = "ANSWER_CHALLENGE";

    public AnswerChallenge {
        if (sender == null) throw new IllegalArgumentException("ANSWER_CHALLENGE needs a sender");
        if (signedChallenge == null) throw new IllegalArgumentException("ANSWER_CHALLENGE needs a signedChallenge");
        if (channel == null) throw new IllegalArgumentException("ANSWER_CHALLENGE needs the sealed channel");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
