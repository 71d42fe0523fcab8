package org.iotahome.protocol.message;

import java.util.Optional;
import org.iotahome.protocol.tangle.Address;

/** Device → claimant: the pairing worked ({@code OK}) or not ({@code NOK} with a reason) (PROTOCOL.md §3). */
public record ClaimResult(Address sender, Status status, Optional<String> reason) implements DirectMessage {

    public static final String TYPE = "CLAIM_RESULT";

    public enum Status { OK, NOK }

    public ClaimResult {
        if (sender == null) throw new IllegalArgumentException("CLAIM_RESULT needs a sender");
        if (status == null) throw new IllegalArgumentException("CLAIM_RESULT needs a status");
        if (reason == null) reason = Optional.empty();
        if (status == Status.NOK && reason.map(String::isEmpty).orElse(true))
            throw new IllegalArgumentException("CLAIM_RESULT NOK needs a reason");
        if (status == Status.OK && reason.isPresent())
            throw new IllegalArgumentException("CLAIM_RESULT OK has no reason");
    }

    public static ClaimResult ok(Address sender) {
        return new ClaimResult(sender, Status.OK, Optional.empty());
    }

    public static ClaimResult nok(Address sender, String reason) {
        return new ClaimResult(sender, Status.NOK, Optional.of(reason));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
