package org.iotahome.device.pairing;

import org.iotahome.protocol.mam.Iss;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The device's own address, where My Home's pairing messages arrive (PROTOCOL.md §3), derived from
 * the device seed so it stays the same across restarts and reinstalls with the same SEED.
 *
 * <p>It is the Curl-P-27 Winternitz leaf address ({@link Iss#leafAddress}) of the seed at
 * {@link #INDEX}, security 2: the same derivation the device's MAM channel uses for its leaves,
 * at an index the channel, counting up from 0 one leaf per message, never reaches (2^40 messages
 * are 35,000 years at one a second). The channel's messages sit at Curl-P-81 of their roots
 * (restricted mode), never at a bare leaf address, so the two cannot meet. No value is ever held
 * there: it is a mailbox, not an account.
 */
public final class DeviceAddress {

    /** The leaf index dedicated to the device's mailbox. Changing it moves every device: never. */
    public static final long INDEX = 1L << 40;
    public static final int SECURITY = 2;

    private DeviceAddress() {
    }

    public static Address of(String seed) {
        if (seed == null || !Trytes.isTrytes(seed, 81))
            throw new IllegalArgumentException("a device seed must be 81 trytes (A-Z, 9), got "
                    + (seed == null ? "none" : seed.length() + " characters"));
        return new Address(Trytes.fromTrits(Iss.leafAddress(Trytes.toTrits(seed), INDEX, SECURITY)));
    }
}
