package org.iotahome.device.publish;

import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;

/**
 * What a reader of the device's channel needs, for the consent flow to hand on (PROTOCOL.md §7):
 * the first root, where every reader starts, and the side key messages are masked under now.
 */
public final class DeviceChannel {

    private final String root;
    private final ChannelPublisher publisher;

    public DeviceChannel(String root, ChannelPublisher publisher) {
        this.root = root;
        this.publisher = publisher;
    }

    /** The channel's first root: a reader walks next roots from here to the newest message. */
    public String root() {
        return root;
    }

    /** The root the next message goes to: a reader given it reads from now on (PROTOCOL.md §3 MAM_DATA). */
    public String nextRoot() {
        return publisher.channel().root();
    }

    /** The leaf the next message is signed with: how many messages the channel holds. */
    public long nextLeaf() {
        return publisher.channel().state().leaf();
    }

    public MamMode mode() {
        return publisher.channel().state().mode();
    }

    /** The current side key (read from the channel state, so it follows a key change). */
    public SideKey sideKey() {
        return publisher.channel().state().key();
    }

    @Override
    public String toString() {
        return "DeviceChannel[root=" + root + ", " + mode() + ", sideKey=" + sideKey() + "]";
    }
}
