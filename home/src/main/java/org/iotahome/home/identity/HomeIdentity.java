package org.iotahome.home.identity;

import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Who My Home is on the Tangle: its seed, its mailbox address (where CHALLENGE and CLAIM_RESULT
 * arrive, PROTOCOL.md §3) and the side key of its household channel (PROTOCOL.md §7: restricted,
 * key held by My Home alone).
 */
public record HomeIdentity(String seed, Address address, SideKey householdKey) {

    public HomeIdentity {
        if (!Trytes.isTrytes(seed, 81)) throw new IllegalArgumentException("My Home's seed must be 81 trytes");
        if (householdKey == null) throw new IllegalArgumentException("My Home needs its household side key");
        if (address == null || !address.equals(MailboxAddress.of(seed)))
            throw new IllegalArgumentException("My Home's address must be the mailbox address of its seed");
    }

    public static HomeIdentity of(String seed, SideKey householdKey) {
        return new HomeIdentity(seed, MailboxAddress.of(seed), householdKey);
    }

    /** Never the seed or key: identities end up in logs. */
    @Override
    public String toString() {
        return "HomeIdentity[address=" + address.trytes() + "]";
    }
}
