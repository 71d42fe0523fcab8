package org.iotahome.provider.inbox;

import java.util.OptionalLong;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A device's consent to this provider, as its MAM_DATA carried it (PROTOCOL.md §3): where to read
 * the device channel from and under which side key, the device's consent channel, when it arrived,
 * and whether it still holds; when its consent channel confirmed it, when it ended (revoked or
 * expired) and when the household's consent says it ends by itself (its AUTHORIZED's
 * {@code expires=} condition, docs/consent-expiry.md); ms since the epoch. Identified by the device
 * channel root it starts at.
 */
public record Grant(String deviceRoot, SideKey deviceSideKey, String consentRoot, SideKey consentSideKey, long receivedAt,
        Status status, OptionalLong confirmedAt, OptionalLong revokedAt, OptionalLong expiresAt) {

    public enum Status {
        /**
         * A MAM_DATA alone (PROTOCOL.md §7): anyone can seal one to this provider, so it is not
         * followed until the consent channel it names holds an AUTHORIZED for this provider.
         */
        PENDING,
        /** Confirmed and followed: readings arrive. */
        ACTIVE,
        /** A KEY_ROTATION held no key for this provider (PROTOCOL.md §7): nothing newer can be read. */
        REVOKED,
        /** The consent's end date passed: the device leaves this provider out from then on, by itself. */
        EXPIRED
    }

    public Grant {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        Trytes.requireTrytes("consent channel root", consentRoot, 81);
        if (deviceSideKey == null || consentSideKey == null) throw new IllegalArgumentException("a grant needs both side keys");
        if (receivedAt < 0) throw new IllegalArgumentException("receivedAt must be ms since the epoch, was " + receivedAt);
        if (status == null) throw new IllegalArgumentException("a grant needs a status");
        if (confirmedAt == null || revokedAt == null || expiresAt == null)
            throw new IllegalArgumentException("confirmedAt, revokedAt and expiresAt may be empty, not null");
        if (status == Status.PENDING && confirmedAt.isPresent()) throw new IllegalArgumentException("a pending grant is not confirmed yet");
        if (!ended(status) && revokedAt.isPresent()) throw new IllegalArgumentException("only a revoked or expired grant has revokedAt");
        if (status == Status.EXPIRED && expiresAt.isEmpty()) throw new IllegalArgumentException("an expired grant has an end date");
    }

    /** A grant with no confirmation or revocation time recorded (one arriving, or one a test makes). */
    public Grant(String deviceRoot, SideKey deviceSideKey, String consentRoot, SideKey consentSideKey, long receivedAt, Status status) {
        this(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, status, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** Confirmed by its consent channel at {@code at} (ms since the epoch), with no end date. */
    public Grant confirmed(long at) {
        return confirmed(at, OptionalLong.empty());
    }

    /** Confirmed by its consent channel at {@code at}, ending by itself at {@code expiresAt} if given (ms since the epoch). */
    public Grant confirmed(long at, OptionalLong expiresAt) {
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.ACTIVE, OptionalLong.of(at),
                OptionalLong.empty(), expiresAt);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** Revoked at {@code at}; a grant that ended already (revoked or expired) stays as it ended. */
    public Grant revoked(long at) {
        if (ended(status)) return this;
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.REVOKED, confirmedAt,
                OptionalLong.of(at), expiresAt);
    }

    /**
     * Ended by its end date: expired as of that date (when the device stops giving this provider
     * keys), however late this provider notices; a grant that ended already stays as it ended.
     */
    public Grant expired() {
        if (ended(status)) return this;
        if (expiresAt.isEmpty()) throw new IllegalStateException("a grant without an end date does not expire");
        return new Grant(deviceRoot, deviceSideKey, consentRoot, consentSideKey, receivedAt, Status.EXPIRED, confirmedAt, expiresAt,
                expiresAt);
    }

    private static boolean ended(Status status) {
        return status == Status.REVOKED || status == Status.EXPIRED;
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
