package org.iotahome.protocol.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.tangle.Address;

/**
 * The next side key for each reader still allowed, sent under the old key (PROTOCOL.md §7), on a
 * device channel or a consent channel. JSON {@code keys} maps addresses to sealed keys: for a
 * provider an envelope to its public key ({@code keys}); on a consent channel, for the device, the
 * key sealed with its consent wrap key ({@code wrapped}). An empty map leaves everyone behind.
 */
public record KeyRotation(long timestamp, Map<Address, Envelope> keys, Map<Address, SealedValue> wrapped) implements ChannelEvent {

    public static final String TYPE = "KEY_ROTATION";

    public KeyRotation {
        ChannelEvent.requireTimestamp(timestamp);
        if (keys == null) throw new IllegalArgumentException("KEY_ROTATION needs keys (may be empty)");
        if (wrapped == null) wrapped = Map.of();
        keys.forEach((provider, envelope) -> {
            if (provider == null || envelope == null)
                throw new IllegalArgumentException("KEY_ROTATION keys must map provider addresses to envelopes");
        });
        for (Map.Entry<Address, SealedValue> e : wrapped.entrySet()) {
            if (e.getKey() == null || e.getValue() == null)
                throw new IllegalArgumentException("KEY_ROTATION keys must map addresses to sealed keys");
            if (keys.containsKey(e.getKey())) throw new IllegalArgumentException("KEY_ROTATION has two keys for " + e.getKey());
        }
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        wrapped = Collections.unmodifiableMap(new LinkedHashMap<>(wrapped));
    }

    /** A device channel's rotation: envelopes for the providers only. */
    public KeyRotation(long timestamp, Map<Address, Envelope> keys) {
        this(timestamp, keys, Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
