package org.iotahome.provider.inbox;

import java.util.OptionalLong;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A device's consent to this provider, as its MAM_DATA carried it (PROTOCOL.md §3): where to read
 * the device channel from and under which side key, the device's consent channel, when it arrived,
 * and whether it still holds; when its consent channel confirmed it and when it was revoked (ms
 * since the epoch, for the dashboard). Identified by the device channel root it starts at.
 */
public record Grant(String deviceRoot, SideKey deviceSideKey, String consentRoot, SideKey consentSideKey, long receivedAt,
        Status status, OptionalLong confirmedAt, OptionalLong revokedAt) {

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
        if (confirmedAt == null || revokedAt == null) throw new IllegalArgumentException("confirmedAt and revokedAt may be empty, not null");
        if (status == Status.PENDING && confirmedAt.isPresent()) throw new IllegalArgumentException("a pending grant is not confirmed yet");
        if (status != Status.REVOKED && revokedAt.isPresent()) throw new IllegalArgumentException("only a revoked grant has revokedAt");
    }

    /** A grant with no confirmation or revocation time recorded (one arriving, or one a test makes). */
    public Grant(String deviceRoot, SideKey deviceSideKey, String consentRoot, SideKey consentSideKey, long receivedAt, Status status) {
        this(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, status, OptionalLong.empty(), OptionalLong.empty());
    }

    /** Confirmed by its consent channel at {@code at} (ms since the epoch). */
    public Grant confirmed(long at) {
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.ACTIVE, OptionalLong.of(at),
                OptionalLong.empty());
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** Revoked at {@code at}; a grant revoked already keeps its first revocation time. */
    public Grant revoked(long at) {
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.REVOKED, confirmedAt,
                status == Status.REVOKED ? revokedAt : OptionalLong.of(at));
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
