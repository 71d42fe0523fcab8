package org.iotahome.protocol.event;

/**
 * An event on a MAM channel (PROTOCOL.md §7): the household channel (DEVICE_ADDED, DEVICE_DELETED),
 * a consent channel (AUTHORIZED, AUTHORIZATION_REVOKED, DEVICE_DELETED) or a device channel (DATA,
 * KEY_ROTATION). Every event has a {@code timestamp} in milliseconds since the epoch.
 */
public sealed interface ChannelEvent
        permits DeviceAdded, DeviceDeleted, Authorized, AuthorizationRevoked, Data, KeyRotation {

    long timestamp();

    /** The {@code type} on the wire. */
    String type();

    static void requireTimestamp(long timestamp) {
        if (timestamp < 0) throw new IllegalArgumentException("timestamp must be milliseconds since the epoch (>= 0), was " + timestamp);
    }
}
