package org.iotahome.protocol.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;

/**
 * The events on one restricted channel, read from the Tangle from a root to the head (PROTOCOL.md
 * §5, §7), switching side keys where a {@link KeySchedule} says (a KEY_ROTATION). A message that
 * is not an event is skipped and said so, never the end of the walk.
 */
public final class EventWalk {

    /**
     * An event, the MAM root it was read at (its Tangle address derives from the root) and the side
     * key it was read under: together they let its holder read the channel from there (a receipt).
     */
    public record Entry(ChannelEvent event, String root, SideKey key) {

        /** Never the key: entries end up in logs. */
        @Override
        public String toString() {
            return "Entry[" + event.type() + " at " + root + "]";
        }
    }

    /** A message that was read but is no event, with the reason. */
    public record Skipped(long index, String reason) {}

    /** What a walk to the head found: the events, what was skipped, how many messages, the head's key and the next root. */
    public record Result(List<Entry> entries, List<Skipped> skipped, long messages, SideKey key, String nextRoot) {}

    private EventWalk() {
    }

    public static Result walk(MessageSource source, ChannelKey channel, KeySchedule keys) throws IOException {
        ChannelReader reader = new ChannelReader(source);
        List<Entry> events = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String root = channel.root();
        SideKey key = new SideKey(channel.sideKey());
        long messages = 0;
        while (true) {
            ReadResult read = reader.read(root, MamMode.RESTRICTED, key, 1);
            if (read.messages().isEmpty()) break;
            for (ReadResult.ReadMessage m : read.messages()) {
                messages++;
                try {
                    events.add(new Entry(EventCodec.read(AsciiTrytes.fromTrytes(m.message())), m.root(), key));
                } catch (IllegalArgumentException e) { // MalformedJsonException included
                    skipped.add(new Skipped(m.index(), e.getMessage()));
                }
                key = keys.after(new ChannelMessage(m.root(), m.index(), m.message(), m.nextRoot(), key), key);
            }
            root = read.nextRoot();
        }
        return new Result(events, skipped, messages, key, root);
    }
}
