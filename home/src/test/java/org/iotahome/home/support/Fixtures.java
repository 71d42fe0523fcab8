package org.iotahome.home.support;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.tangle.Address;

/** Providers and policies as tests need them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ServiceProvider provider(char letter) {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        return new ServiceProvider(URI.create("https://" + Character.toLowerCase(letter) + ".example"),
                new Address(String.valueOf(letter).repeat(81)), keys.publicKey());
    }

    /** A provider with its key pair, for tests that read what it was sent. */
    public record KeyedProvider(ServiceProvider entry, EnvelopeKeyPair keys) {}

    public static KeyedProvider keyedProvider(char letter) {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        return new KeyedProvider(new ServiceProvider(URI.create("https://" + Character.toLowerCase(letter) + ".example"),
                new Address(String.valueOf(letter).repeat(81)), keys.publicKey()), keys);
    }

    /** The wrap key of a test device whose secret is fixed. */
    public static ConsentWrapKey wrapKey(Address device) {
        return ConsentWrapKey.derive(new DeviceSecret("TEST9DEVICE9SECRET9FOR9TESTS"), device);
    }

    public static Policy policy(ServiceProvider provider, Address device) {
        return new Policy(provider, "read", new Device(device, "P1"), "energy advice", List.of());
    }
}
