package org.iotahome.protocol.message;

import java.util.Optional;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.tangle.Address;

/**
 * Device → claimant: the pairing worked ({@code OK}, with its {@code proof}) or not ({@code NOK}
 * with a reason) (PROTOCOL.md §3, §4). Anyone can post one, so a reader trusts an OK only when its
 * proof checks ({@code pairing.PairingSeal.proves}); an OK without proof still parses, as no answer.
 */
public record ClaimResult(Address sender, Status status, Optional<String> reason, Optional<SealedValue> proof)
        implements DirectMessage {

    public static final String TYPE = "CLAIM_RESULT";
    /** The device's reasons that My Home tells apart (PROTOCOL.md §4); others are shown as they come. */
    public static final String ALREADY_PAIRED = "already paired";
    public static final String WRONG_ANSWER = "wrong answer to the challenge";

    public enum Status { OK, NOK }

    public ClaimResult {
        if (sender == null) throw new IllegalArgumentException("CLAIM_RESULT needs a sender");
        if (status == null) throw new IllegalArgumentException("CLAIM_RESULT needs a status");
        if (reason == null) reason = Optional.empty();
        if (proof == null) proof = Optional.empty();
        if (status == Status.NOK && reason.map(String::isEmpty).orElse(true))
            throw new IllegalArgumentException("CLAIM_RESULT NOK needs a reason");
        if (status == Status.OK && reason.isPresent())
            throw new IllegalArgumentException("CLAIM_RESULT OK has no reason");
        if (status == Status.NOK && proof.isPresent())
            throw new IllegalArgumentException("CLAIM_RESULT NOK has no proof");
    }

    public static ClaimResult ok(Address sender, SealedValue proof) {
        return new ClaimResult(sender, Status.OK, Optional.empty(), Optional.of(proof));
    }

    public static ClaimResult nok(Address sender, String reason) {
        return new ClaimResult(sender, Status.NOK, Optional.of(reason), Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
