package org.iotahome.protocol.event;

/** Household channel: My Home paired a device and gives its consent channel's key (PROTOCOL.md §7). */
public record DeviceAdded(long timestamp, Device device, ChannelKey consent) implements ChannelEvent {

    public static final String TYPE = "DEVICE_ADDED";

    public DeviceAdded {
        ChannelEvent.requireTimestamp(timestamp);
        if (device == null) throw new IllegalArgumentException("DEVICE_ADDED needs a device");
        if (consent == null) throw new IllegalArgumentException("DEVICE_ADDED needs the consent channel key");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
