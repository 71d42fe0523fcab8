package org.iotahome.provider.identity;

import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MailboxAddress;

/**
 * Who the provider is on the Tangle: its mailbox address (derived from its seed, where MAM_DATA
 * arrives, PROTOCOL.md §3) and its envelope key pair (PROTOCOL.md §6). The consent request hands
 * out {@link #address()} and {@link #publicKeyTrytes()}.
 */
public record ProviderIdentity(String seed, Address address, EnvelopeKeyPair keys) {

    public ProviderIdentity {
        if (keys == null) throw new IllegalArgumentException("a provider identity needs its envelope key pair");
        if (address == null || !address.equals(MailboxAddress.of(seed)))
            throw new IllegalArgumentException("the provider's address must be the mailbox address of its seed");
    }

    public static ProviderIdentity of(String seed, EnvelopeKeyPair keys) {
        return new ProviderIdentity(seed, MailboxAddress.of(seed), keys);
    }

    /** {@code publicKeyTrytes} as the consent request carries it. */
    public String publicKeyTrytes() {
        return keys.publicKey().toTrytes();
    }

    /** Never the seed: identities end up in logs. */
    @Override
    public String toString() {
        return "ProviderIdentity[address=" + address.trytes() + ", alg=" + keys.alg() + "]";
    }
}
