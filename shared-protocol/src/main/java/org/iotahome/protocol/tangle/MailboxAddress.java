package org.iotahome.protocol.tangle;

import org.iotahome.protocol.mam.Iss;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A role's own address, its mailbox for direct messages (PROTOCOL.md §3): for the device, where My
 * Home's pairing messages arrive; for My Home and a provider, where replies and MAM_DATA arrive.
 * Derived from the role's seed, so it stays the same across restarts and reinstalls.
 *
 * <p>It is the Curl-P-27 Winternitz leaf address ({@link Iss#leafAddress}) of the seed at
 * {@link #INDEX}, security 2: the same derivation a role's MAM channel uses for its leaves,
 * at an index the channel, counting up from 0 one leaf per message, never reaches (2^40 messages
 * are 35,000 years at one a second). The channel's messages sit at Curl-P-81 of their roots
 * (restricted mode), never at a bare leaf address, so the two cannot meet. No value is ever held
 * there: it is a mailbox, not an account.
 */
public final class MailboxAddress {

    /** The leaf index dedicated to the mailbox. Changing it moves every role's address: never. */
    public static final long INDEX = 1L << 40;
    public static final int SECURITY = 2;

    private MailboxAddress() {
    }

    public static Address of(String seed) {
        if (seed == null || !Trytes.isTrytes(seed, 81))
            throw new IllegalArgumentException("a seed must be 81 trytes (A-Z, 9), got "
                    + (seed == null ? "none" : seed.length() + " characters"));
        return new Address(Trytes.fromTrits(Iss.leafAddress(Trytes.toTrits(seed), INDEX, SECURITY)));
    }
}
