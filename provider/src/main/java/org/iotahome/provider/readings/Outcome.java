package org.iotahome.provider.readings;

/** What following a device channel did with one message. */
public record Outcome(String deviceRoot, Kind kind) {

    public enum Kind {
        /** DATA: its readings are stored (or were already). */
        STORED,
        /** KEY_ROTATION with a key for this provider: reading goes on under it. */
        ROTATED,
        /** KEY_ROTATION without one: the grant ends. */
        REVOKED,
        /** The consent's end date came: the grant ends (the device rotates its key without this provider). */
        EXPIRED,
        /** Not an event this provider acts on, or not an event at all. */
        SKIPPED,
        /** The grant's partition went to another instance: it follows the grant from here on. */
        HANDED_OVER
    }
}
