package org.iotahome.home.household;

import java.util.List;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;

/** A device the household holds, its consent channel, and the policies in force on it. */
public record PairedDevice(Device device, ChannelKey consent, List<Policy> policies) {

    public PairedDevice {
        if (device == null || consent == null) throw new IllegalArgumentException("a paired device needs its device and consent channel");
        policies = List.copyOf(policies);
    }
}
