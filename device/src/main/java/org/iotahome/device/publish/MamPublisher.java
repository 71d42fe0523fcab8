package org.iotahome.device.publish;

import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.trinary.AsciiTrytes;

import java.io.IOException;
import java.util.Optional;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;

/**
 * Moves outbox entries onto the device's channel, oldest first, one per call. Blocking (disk and
 * Tangle): call it from a worker thread. A failed call changes nothing that matters: call again.
 *
 * <p>Exactly once, across crashes: before publishing, the entry records the root it goes to.
 * {@link ChannelPublisher} saves the advanced channel state with the message before sending it
 * (PROTOCOL.md §5) and re-sends that saved message first on the next call. So an entry whose
 * recorded root the channel has already moved past is in the chain: it is removed, not sent again.
 */
public final class MamPublisher {

    private final ChannelPublisher channel;
    private final Outbox outbox;

    public MamPublisher(ChannelPublisher channel, Outbox outbox) {
        this.channel = channel;
        this.outbox = outbox;
    }

    /** Publishes the oldest entry; empty when the outbox is. Throws when the node or disk fails. */
    public synchronized Optional<Published> publishNext() throws IOException {
        channel.deliverUnsent();                        // what a crash or a failed send left goes first
        Optional<Outbox.Entry> head = outbox.head();
        if (head.isEmpty()) return Optional.empty();
        Outbox.Entry entry = head.get();
        String root = channel.channel().root();
        if (entry.root() != null && !entry.root().equals(root)) {
            outbox.remove(entry);                       // saved with the message and delivered above
            return Optional.of(new Published(entry.sequence(), entry.root()));
        }
        if (entry.root() == null) entry = outbox.markSending(entry, root);
        channel.publish(AsciiTrytes.toTrytes(entry.event()));
        outbox.remove(entry);
        return Optional.of(new Published(entry.sequence(), root));
    }

    /**
     * Publishes a KEY_ROTATION event under the current key and switches to {@code sideKey} right
     * after (PROTOCOL.md §7), under the same lock as the drain, so the rotation takes the next root
     * and no two messages ever claim one. An entry already marked for the current root goes first.
     * DATA still in the outbox goes out under the new key.
     */
    public synchronized void rotate(String keyRotationJson, MamMode mode, SideKey sideKey) throws IOException {
        channel.deliverUnsent();
        Optional<Outbox.Entry> head = outbox.head();
        if (head.isPresent() && head.get().root() != null) publishNext();
        channel.publishThenChangeKey(AsciiTrytes.toTrytes(keyRotationJson), mode, sideKey);
    }

    public int queued() {
        return outbox.size();
    }

    /** The bytes the queued entries take on disk. */
    public long queuedBytes() {
        return outbox.bytes();
    }

    /** Readings dropped from the outbox to stay within its bound. */
    public long droppedReadings() {
        return outbox.droppedReadings();
    }
}
