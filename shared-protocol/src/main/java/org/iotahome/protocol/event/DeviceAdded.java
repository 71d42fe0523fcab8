package org.iotahome.protocol.event;

import java.util.Optional;
import org.iotahome.protocol.pairing.ConsentWrapKey;

/**
 * A device joined the household (PROTOCOL.md §7). On the household channel, which only My Home
 * reads, it carries the consent channel's first key ({@code consent}) and the device's consent
 * wrap key ({@code consentWrapKey}, so a fold from the seed alone can read past and make key
 * rotations); on the device's consent channel it is the first event, without either, and is what
 * confirms a pending pairing (§4).
 */
public record DeviceAdded(long timestamp, Device device, Optional<ChannelKey> consent, Optional<ConsentWrapKey> wrapKey)
        implements ChannelEvent {

    public static final String TYPE = "DEVICE_ADDED";

    public DeviceAdded {
        ChannelEvent.requireTimestamp(timestamp);
        if (device == null) throw new IllegalArgumentException("DEVICE_ADDED needs a device");
        if (consent == null) consent = Optional.empty();
        if (wrapKey == null) wrapKey = Optional.empty();
        if (consent.isEmpty() && wrapKey.isPresent())
            throw new IllegalArgumentException("DEVICE_ADDED on a consent channel never carries the wrap key");
    }

    /** The household channel's DEVICE_ADDED: it names the device's consent channel and its wrap key. */
    public static DeviceAdded onHousehold(long timestamp, Device device, ChannelKey consent, ConsentWrapKey wrapKey) {
        if (consent == null) throw new IllegalArgumentException("DEVICE_ADDED on the household channel needs the consent channel key");
        if (wrapKey == null) throw new IllegalArgumentException("DEVICE_ADDED on the household channel needs the consent wrap key");
        return new DeviceAdded(timestamp, device, Optional.of(consent), Optional.of(wrapKey));
    }

    /** The consent channel's first event: it confirms the device's pairing. */
    public static DeviceAdded onConsent(long timestamp, Device device) {
        return new DeviceAdded(timestamp, device, Optional.empty(), Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
