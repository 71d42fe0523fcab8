package org.iotahome.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Device channel: meter data (PROTOCOL.md §7). {@code raw} is the newest telegram's text;
 * {@code readings} the parsed telegrams it carries, oldest first, kept as JSON objects here
 * (their shape is {@code p1-reading.schema.json}, owned by the P1 package). Copied on the way
 * in; treat the nodes as read-only.
 */
public record Data(long timestamp, String raw, List<JsonNode> readings) implements ChannelEvent {

    public static final String TYPE = "DATA";

    public Data {
        ChannelEvent.requireTimestamp(timestamp);
        if (raw == null) throw new IllegalArgumentException("DATA needs raw");
        if (readings == null) throw new IllegalArgumentException("DATA needs readings (may be empty)");
        for (int i = 0; i < readings.size(); i++)
            if (readings.get(i) == null || !readings.get(i).isObject())
                throw new IllegalArgumentException("DATA readings[" + i + "] must be a JSON object");
        readings = readings.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
