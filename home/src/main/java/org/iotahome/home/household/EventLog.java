package org.iotahome.home.household;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.jboss.logging.Logger;

/** The events on one restricted channel, read from the Tangle from its first root (PROTOCOL.md §5, §7). */
public final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    private final ChannelReader reader;

    public EventLog(MessageSource source) {
        this.reader = new ChannelReader(source);
    }

    /** Every readable event in channel order; a message that is not an event is skipped with its reason logged. */
    public List<ChannelEvent> read(ChannelKey channel) throws IOException {
        ReadResult result = reader.read(channel.root(), MamMode.RESTRICTED, new SideKey(channel.sideKey()));
        List<ChannelEvent> events = new ArrayList<>();
        for (ReadResult.ReadMessage m : result.messages()) {
            try {
                events.add(EventCodec.read(AsciiTrytes.fromTrytes(m.message())));
            } catch (IllegalArgumentException e) { // MalformedJsonException included {
                LOG.warnf("skipped message %d of channel %s: %s", m.index(), channel.root(), e.getMessage());
            }
        }
        return events;
    }

    /** How many messages the channel holds: the index its next message takes. */
    public int count(ChannelKey channel) throws IOException {
        return reader.read(channel.root(), MamMode.RESTRICTED, new SideKey(channel.sideKey())).messages().size();
    }
}
