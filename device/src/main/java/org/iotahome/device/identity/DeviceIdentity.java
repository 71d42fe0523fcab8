package org.iotahome.device.identity;

import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The secrets the device's channel is made from (PROTOCOL.md §5, §7): the seed its leaves come
 * from and the side key its restricted messages are masked under. Never printed whole.
 */
public record DeviceIdentity(String seed, SideKey sideKey) {

    public DeviceIdentity {
        if (seed == null || !Trytes.isTrytes(seed, 81))
            throw new IllegalArgumentException("a device seed must be 81 trytes (A-Z, 9), got "
                    + (seed == null ? "none" : seed.length() + " characters"));
        if (sideKey == null) throw new IllegalArgumentException("a device identity needs a side key");
    }

    @Override
    public String toString() {
        return "DeviceIdentity[seed=" + seed.substring(0, 3) + "…, sideKey=" + sideKey + "]";
    }
}
