package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trytes;

/**
 * Where a {@link ChannelFollower} reads next: the first root it has not yet delivered a message
 * from, and the side key the message there is masked under (it changes after a KEY_ROTATION,
 * PROTOCOL.md §7, so it is part of the position).
 */
public record FollowerPosition(String root, SideKey sideKey) {

    public FollowerPosition {
        Trytes.requireTrytes("follower root", root, 81);
        if (sideKey == null) throw new IllegalArgumentException("a follower position needs a side key (SideKey.NONE when not restricted)");
    }

    /** Never the side key whole: positions end up in logs. */
    @Override
    public String toString() {
        return "FollowerPosition[root=" + root + ", sideKey=" + sideKey + "]";
    }
}
