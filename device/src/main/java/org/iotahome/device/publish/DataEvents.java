package org.iotahome.device.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.DataReadings;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.p1.Telegram;

import java.util.ArrayList;
import java.util.List;

/** A group of readings as the DATA event that carries them (PROTOCOL.md §7). */
public final class DataEvents {

    private DataEvents() {
    }

    /**
     * {@code raw} is the newest telegram's text with its CRC line and {@code readings} the parsed telegrams oldest
     * first; the group arrives in the order the meter sent it, which is that order. Readings leave
     * out their {@code obis} map (PROTOCOL.md §7): it roughly doubles a reading, and {@code raw}
     * already holds every OBIS line of the newest telegram.
     */
    public static Data of(List<MeterReading> group, long timestampMillis) {
        if (group.isEmpty()) throw new IllegalArgumentException("a DATA event needs at least one reading");
        List<JsonNode> readings = group.stream()
                .<JsonNode>map(r -> withoutObis(ReadingJson.mapper().valueToTree(r.reading())))
                .toList();
        return new Data(timestampMillis, raw(group.get(group.size() - 1).telegram()), readings);
    }

    /**
     * PROTOCOL.md §7: the telegram from '/' through its CRC line, so a reader can check it; a
     * {@link Telegram}'s text stops at the '!', so its CRC is written again after it (the same four
     * hex digits the meter sent, or their zero-padded form). A DSMR 2.2 telegram has no CRC line.
     */
    static String raw(Telegram telegram) {
        String sent = telegram.withCrcLine();
        return sent.substring(0, sent.length() - 2);     // the line break after the CRC line ends the telegram, not the text
    }

    private static JsonNode withoutObis(ObjectNode reading) {
        reading.remove("obis");
        return reading;
    }

    /** The event's ASCII JSON, as it goes into the outbox and onto the channel. */
    public static String json(List<MeterReading> group, long timestampMillis) {
        return EventCodec.write(of(group, timestampMillis));
    }

    /**
     * The group as one event, or as consecutive events of at most {@code maxChars} each when it is
     * larger (a long interval, a backlog): halves until each part fits, so order is kept and each
     * part's {@code raw} is its own newest telegram. A single reading always makes one event. The
     * event is written in its shorter form ({@code readingsGz} for any real batch), and a part whose
     * readings would inflate beyond what readers accept ({@link DataReadings#MAX_INFLATED_BYTES})
     * is split too, so no reader refuses it.
     */
    public static List<String> json(List<MeterReading> group, long timestampMillis, int maxChars) {
        Data data = of(group, timestampMillis);
        String json = EventCodec.write(data);
        boolean fits = json.length() <= maxChars
                && DataReadings.plainJson(data.readings()).length() <= DataReadings.MAX_INFLATED_BYTES;
        if (fits || group.size() == 1) return List.of(json);
        int half = group.size() / 2;
        List<String> events = new ArrayList<>(json(group.subList(0, half), timestampMillis, maxChars));
        events.addAll(json(group.subList(half, group.size()), timestampMillis, maxChars));
        return events;
    }

    /** How many readings a stored DATA event holds (0 for any other event). */
    public static int readingsIn(String eventJson) {
        return EventCodec.read(eventJson) instanceof Data d ? d.readings().size() : 0;
    }
}
