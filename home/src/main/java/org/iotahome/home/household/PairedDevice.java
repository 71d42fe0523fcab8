package org.iotahome.home.household;

import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.pairing.ConsentWrapKey;

/**
 * A device the household holds, its consent channel (first root and key), the device's consent
 * wrap key (absent for a device paired before consent keys rotated: it must be paired again to be
 * rotated), and the policies in force on it.
 */
public record PairedDevice(Device device, ChannelKey consent, Optional<ConsentWrapKey> wrapKey, List<Policy> policies) {

    public PairedDevice {
        if (device == null || consent == null) throw new IllegalArgumentException("a paired device needs its device and consent channel");
        if (wrapKey == null) wrapKey = Optional.empty();
        policies = List.copyOf(policies);
    }

    /** How My Home reads its consent channel: as the device does, across KEY_ROTATIONs. */
    public KeySchedule consentKeys() {
        return wrapKey.<KeySchedule>map(k -> RotatedKeys.device(device.iotaAddress(), k)).orElse(KeySchedule.FIXED);
    }
}
