package org.iotahome.home.household;

import java.io.IOException;
import java.util.List;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.SideKey;
import org.jboss.logging.Logger;

/**
 * The events on one restricted channel, read from the Tangle from its first root (PROTOCOL.md §5,
 * §7), switching side keys where a {@link KeySchedule} says (a consent channel's KEY_ROTATION).
 */
public final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    /** What a walk to the head found: the events, how many messages the channel holds, and the key its head is under. */
    public record Walked(List<EventWalk.Entry> entries, long messages, SideKey key, String nextRoot) {

        public List<ChannelEvent> events() {
            return entries.stream().map(EventWalk.Entry::event).toList();
        }
    }

    private final MessageSource source;

    public EventLog(MessageSource source) {
        this.source = source;
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
        EventWalk.Result walked = EventWalk.walk(source, channel, keys);
        walked.skipped().forEach(s -> LOG.warnf("skipped message %d of channel %s: %s", s.index(), channel.root(), s.reason()));
        return new Walked(walked.entries(), walked.messages(), walked.key(),
                walked.nextRoot());
    }
}
