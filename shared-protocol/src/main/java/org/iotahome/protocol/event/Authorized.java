package org.iotahome.protocol.event;

/** Consent channel: the household consents to {@code policy} (PROTOCOL.md §7). */
public record Authorized(long timestamp, Policy policy) implements ChannelEvent {

    public static final String TYPE = "AUTHORIZED";

    public Authorized {
        ChannelEvent.requireTimestamp(timestamp);
        if (policy == null) throw new IllegalArgumentException("AUTHORIZED needs a policy");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
