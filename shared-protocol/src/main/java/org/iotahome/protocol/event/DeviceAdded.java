package org.iotahome.protocol.event;

import java.util.Optional;

/**
 * A device joined the household (PROTOCOL.md §7). On the household channel it carries the consent
 * channel's key ({@code consent}); on the device's consent channel it is the first event, without
 * it, and is what confirms a pending pairing (§4).
 */
public record DeviceAdded(long timestamp, Device device, Optional<ChannelKey> consent) implements ChannelEvent {

    public static final String TYPE = "DEVICE_ADDED";

    public DeviceAdded {
        ChannelEvent.requireTimestamp(timestamp);
        if (device == null) throw new IllegalArgumentException("DEVICE_ADDED needs a device");
        if (consent == null) consent = Optional.empty();
    }

    /** The household channel's DEVICE_ADDED: it names the device's consent channel. */
    public static DeviceAdded onHousehold(long timestamp, Device device, ChannelKey consent) {
        if (consent == null) throw new IllegalArgumentException("DEVICE_ADDED on the household channel needs the consent channel key");
        return new DeviceAdded(timestamp, device, Optional.of(consent));
    }

    /** The consent channel's first event: it confirms the device's pairing. */
    public static DeviceAdded onConsent(long timestamp, Device device) {
        return new DeviceAdded(timestamp, device, Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
