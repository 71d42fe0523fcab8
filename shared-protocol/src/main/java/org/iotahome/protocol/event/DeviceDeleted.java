package org.iotahome.protocol.event;

/** Household and consent channels: the device is no longer paired (PROTOCOL.md §7). */
public record DeviceDeleted(long timestamp, Device device) implements ChannelEvent {

    public static final String TYPE = "DEVICE_DELETED";

    public DeviceDeleted {
        ChannelEvent.requireTimestamp(timestamp);
        if (device == null) throw new IllegalArgumentException("DEVICE_DELETED needs a device");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
