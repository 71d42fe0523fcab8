package org.iotahome.protocol.mam;

/**
 * Which side key the message after {@code message} is read under. A device channel switches keys
 * right after a KEY_ROTATION (PROTOCOL.md §7), so a reader learns the next key from what it just
 * read. Called on the follower's worker thread, before the message is delivered; it must not block
 * for long. Throwing fails the follow stream (a fault, not bad input: skip what you cannot use by
 * returning {@code current}).
 */
@FunctionalInterface
public interface KeySchedule {

    /** A schedule that never changes the key. */
    KeySchedule FIXED = (message, current) -> current;

    SideKey after(ChannelMessage message, SideKey current);
}
