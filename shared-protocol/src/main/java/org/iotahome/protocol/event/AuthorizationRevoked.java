package org.iotahome.protocol.event;

/** Consent channel: the household withdraws its consent to {@code policy} (PROTOCOL.md §7). */
public record AuthorizationRevoked(long timestamp, Policy policy) implements ChannelEvent {

    public static final String TYPE = "AUTHORIZATION_REVOKED";

    public AuthorizationRevoked {
        ChannelEvent.requireTimestamp(timestamp);
        if (policy == null) throw new IllegalArgumentException("AUTHORIZATION_REVOKED needs a policy");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
