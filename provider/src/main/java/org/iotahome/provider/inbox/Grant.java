package org.iotahome.provider.inbox;

import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A device's consent to this provider, as its MAM_DATA carried it (PROTOCOL.md §3): where to read
 * the device channel from and under which side key, the device's consent channel, when it arrived,
 * and whether it still holds. Identified by the device channel root it starts at.
 */
public record Grant(String deviceRoot, SideKey deviceSideKey, String consentRoot, SideKey consentSideKey, long receivedAt,
        Status status) {

    public enum Status {
        /**
         * A MAM_DATA alone (PROTOCOL.md §7): anyone can seal one to this provider, so it is not
         * followed until the consent channel it names holds an AUTHORIZED for this provider.
         */
        PENDING,
        /** Confirmed and followed: readings arrive. */
        ACTIVE,
        /** A KEY_ROTATION held no key for this provider (PROTOCOL.md §7): nothing newer can be read. */
        REVOKED
    }

    public Grant {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        Trytes.requireTrytes("consent channel root", consentRoot, 81);
        if (deviceSideKey == null || consentSideKey == null) throw new IllegalArgumentException("a grant needs both side keys");
        if (receivedAt < 0) throw new IllegalArgumentException("receivedAt must be ms since the epoch, was " + receivedAt);
        if (status == null) throw new IllegalArgumentException("a grant needs a status");
    }

    public Grant confirmed() {
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.ACTIVE);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    public Grant revoked() {
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.REVOKED);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** Never the side keys: grants end up in logs. */
    @Override
    public String toString() {
        return "Grant[deviceRoot=" + deviceRoot + ", consentRoot=" + consentRoot + ", " + status + "]";
    }
}
