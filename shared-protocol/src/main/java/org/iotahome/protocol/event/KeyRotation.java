package org.iotahome.protocol.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.tangle.Address;

/**
 * Device channel: the next side key for each provider still authorized, each an envelope to that
 * provider, sent under the old key (PROTOCOL.md §7). An empty map leaves everyone behind.
 */
public record KeyRotation(long timestamp, Map<Address, Envelope> keys) implements ChannelEvent {

    public static final String TYPE = "KEY_ROTATION";

    public KeyRotation {
        ChannelEvent.requireTimestamp(timestamp);
        if (keys == null) throw new IllegalArgumentException("KEY_ROTATION needs keys (may be empty)");
        keys.forEach((provider, envelope) -> {
            if (provider == null || envelope == null)
                throw new IllegalArgumentException("KEY_ROTATION keys must map provider addresses to envelopes");
        });
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
