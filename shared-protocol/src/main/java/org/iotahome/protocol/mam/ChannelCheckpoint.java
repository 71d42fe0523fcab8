package org.iotahome.protocol.mam;

import java.util.Objects;

/**
 * What a channel writer persists: the state for the next message and, between saving and a
 * confirmed send, the message already made from the previous state ({@code unsent}, else null).
 * After a crash the unsent message is sent again as it is, never re-made: one leaf, one payload.
 */
public record ChannelCheckpoint(ChannelState state, MamMessage unsent) {

    public ChannelCheckpoint {
        Objects.requireNonNull(state, "state");
    }

    public static ChannelCheckpoint of(ChannelState state) {
        return new ChannelCheckpoint(state, null);
    }
}
