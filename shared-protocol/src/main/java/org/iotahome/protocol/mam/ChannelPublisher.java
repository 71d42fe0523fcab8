package org.iotahome.protocol.mam;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Publishes on a channel so that a crash at any moment never signs two payloads with one leaf and
 * never leaves a root without its message (PROTOCOL.md §5): the advanced state is saved together
 * with the new message before the message is sent; after a confirmed send the message is dropped
 * from the checkpoint. A message still in the checkpoint at start-up is sent again as it was.
 * One publisher per store; its methods are synchronized.
 */
public final class ChannelPublisher {

    private final ChannelStateStore store;
    private final MessageSink sink;
    private ChannelCheckpoint current;

    private ChannelPublisher(ChannelStateStore store, MessageSink sink, ChannelCheckpoint current) {
        this.store = store;
        this.sink = sink;
        this.current = current;
    }

    /** Resumes the stored channel, or saves and starts {@code fresh} when the store is empty. */
    public static ChannelPublisher open(ChannelStateStore store, MessageSink sink, Supplier<MamChannel> fresh) throws IOException {
        ChannelCheckpoint checkpoint = store.load().orElse(null);
        if (checkpoint == null) {
            checkpoint = ChannelCheckpoint.of(fresh.get().state());
            store.save(checkpoint);
        }
        return new ChannelPublisher(store, sink, checkpoint);
    }

    public synchronized MamChannel channel() {
        return MamChannel.resume(current.state());
    }

    /** Creates, saves, then sends one message; returns it once sent. */
    public synchronized MamMessage publish(String messageTrytes) throws IOException {
        deliverUnsent();
        MamChannel.Created created = MamChannel.resume(current.state()).create(messageTrytes);
        // PROTOCOL.md §5: durable before it leaves, so a restart can only re-send this very payload.
        save(new ChannelCheckpoint(created.next().state(), created.message()));
        deliverUnsent();
        return created.message();
    }

    /**
     * Publishes {@code messageTrytes} under the current key and switches to {@code sideKey} for what
     * follows, in one saved step (PROTOCOL.md §7: KEY_ROTATION is sent under the old key, the device
     * switches right after). Saving the message and the re-keyed next state together means a crash
     * can never leave the rotation sent but the old key still in use, or the reverse.
     */
    public synchronized MamMessage publishThenChangeKey(String messageTrytes, MamMode mode, SideKey sideKey) throws IOException {
        deliverUnsent();
        MamChannel.Created created = MamChannel.resume(current.state()).create(messageTrytes);
        save(new ChannelCheckpoint(created.next().withMode(mode, sideKey).state(), created.message()));
        deliverUnsent();
        return created.message();
    }

    /** Sends the message a crash or a failed send left in the checkpoint, if any. */
    public synchronized void deliverUnsent() throws IOException {
        MamMessage unsent = current.unsent();
        if (unsent == null) return;
        sink.send(unsent.address(), unsent.payload());
        save(ChannelCheckpoint.of(current.state()));
    }

    /** From the next message on, another mode and side key; the chain of roots goes on. */
    public synchronized void changeKey(MamMode mode, SideKey sideKey) throws IOException {
        save(new ChannelCheckpoint(channel().withMode(mode, sideKey).state(), current.unsent()));
    }

    /**
     * Messages from the next tree on are signed at {@code security} (see {@link MamChannel#withNextSecurity}):
     * the root readers hold keeps its security, so a running channel reads on across the change.
     */
    public synchronized void changeNextSecurity(int security) throws IOException {
        MamChannel channel = channel();
        if (channel.state().nextSecurity() != security)
            save(new ChannelCheckpoint(channel.withNextSecurity(security).state(), current.unsent()));
    }

    private void save(ChannelCheckpoint checkpoint) throws IOException {
        store.save(checkpoint);
        current = checkpoint;
    }
}
