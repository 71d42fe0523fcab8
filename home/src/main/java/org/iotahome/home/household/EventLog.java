package org.iotahome.home.household;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.jboss.logging.Logger;

/**
 * The events on one restricted channel, read from the Tangle from its first root (PROTOCOL.md §5,
 * §7), switching side keys where a {@link KeySchedule} says (a consent channel's KEY_ROTATION).
 */
public final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    /** An event and the MAM root it was read at (its Tangle address derives from the root). */
    public record Entry(ChannelEvent event, String root) {}

    /** What a walk to the head found: the events, how many messages the channel holds, and the key its head is under. */
    public record Walked(List<Entry> entries, long messages, SideKey key, String nextRoot) {

        public List<ChannelEvent> events() {
            return entries.stream().map(Entry::event).toList();
        }
    }

    private final ChannelReader reader;

    public EventLog(MessageSource source) {
        this.reader = new ChannelReader(source);
    }

    /** Every readable event in channel order, under one key; a message that is not an event is skipped with its reason logged. */
    public List<ChannelEvent> read(ChannelKey channel) throws IOException {
        return walk(channel, KeySchedule.FIXED).events();
    }

    /** How many messages the channel holds under one key: the index its next message takes. */
    public int count(ChannelKey channel) throws IOException {
        return (int) walk(channel, KeySchedule.FIXED).messages();
    }

    /** Walks the channel to its head, the key changing after each message as {@code keys} says. */
    public Walked walk(ChannelKey channel, KeySchedule keys) throws IOException {
        List<Entry> events = new ArrayList<>();
        String root = channel.root();
        SideKey key = new SideKey(channel.sideKey());
        long messages = 0;
        while (true) {
            ReadResult read = reader.read(root, MamMode.RESTRICTED, key, 1);
            if (read.messages().isEmpty()) break;
            for (ReadResult.ReadMessage m : read.messages()) {
                messages++;
                String text = AsciiTrytes.fromTrytes(m.message());
                try {
                    events.add(new Entry(EventCodec.read(text), m.root()));
                } catch (IllegalArgumentException e) { // MalformedJsonException included
                    LOG.warnf("skipped message %d of channel %s: %s", m.index(), channel.root(), e.getMessage());
                }
                key = keys.after(new ChannelMessage(m.root(), m.index(), m.message(), m.nextRoot(), key), key);
            }
            root = read.nextRoot();
        }
        return new Walked(events, messages, key, root);
    }
}
