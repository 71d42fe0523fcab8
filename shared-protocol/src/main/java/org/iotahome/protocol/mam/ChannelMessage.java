package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A verified message a {@link ChannelFollower} delivers: the root it was read at, its leaf index,
 * its trytes, the root the channel goes on at, and the side key it was read under.
 */
public record ChannelMessage(String root, long index, String trytes, String nextRoot, SideKey sideKey) {

    public ChannelMessage {
        Trytes.requireTrytes("root", root, 81);
        Trytes.requireTrytes("message", trytes);
        Trytes.requireTrytes("next root", nextRoot, 81);
        if (sideKey == null) throw new IllegalArgumentException("a channel message needs the side key it was read under");
    }

    /** The message as text (PROTOCOL.md §1: channel events are ASCII JSON as trytes). */
    public String text() {
        return AsciiTrytes.fromTrytes(trytes);
    }

    @Override
    public String toString() {
        return "ChannelMessage[root=" + root + ", index=" + index + ", " + trytes.length() + " trytes]";
    }
}
