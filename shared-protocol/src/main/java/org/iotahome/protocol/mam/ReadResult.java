package org.iotahome.protocol.mam;

import java.util.List;
import java.util.Objects;
import org.iotahome.protocol.trinary.Trytes;

/**
 * What a walk along a channel found: the messages in order, the root to read next time (the
 * first one without a readable message: the head), and every payload passed over, with why.
 */
public record ReadResult(List<ReadMessage> messages, String nextRoot, List<Skipped> skipped) {

    public ReadResult {
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
        Trytes.requireTrytes("next root", nextRoot, 81);
    }

    /** One verified message and where it was read. */
    public record ReadMessage(String root, long index, String message, String nextRoot) {
    }

    /** A payload at {@code address} (the {@code position}-th attached there) that was not taken. */
    public record Skipped(String root, String address, int position, Reason reason, String detail) {

        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public enum Reason {
        /** It does not verify under this root and side key (the detail says which check failed). */
        INVALID,
        /** The same message again (a re-attachment, or a re-send after a crash). */
        DUPLICATE,
        /** Another message for the same leaf or another next root came first: the first one wins. */
        CONFLICT
    }
}
