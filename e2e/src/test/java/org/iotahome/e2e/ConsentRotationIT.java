package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A revoked provider sees nothing more of the household" (PROTOCOL.md §7), against the packaged
 * node and the packaged device on a pty, with My Home in this JVM and three providers A, B and C
 * reading the consent channel from the key the device sent them, as a provider written elsewhere
 * would. What each of them reads is printed, for the record.
 */
class ConsentRotationIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** A provider: its address, key pair and inbox, and what it was sent. */
    private record Provider(String name, ServiceProvider entry, EnvelopeOpener opener, Inbox inbox) {

        static Provider create(String name, MyHome via) {
            EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
            Address address = new Address(RandomTrytes.of(new SecureRandom(), 81));
            return new Provider(name, new ServiceProvider(URI.create("https://" + name.toLowerCase() + ".example/back"), address,
                    keys.publicKey()), new EnvelopeOpener(keys), new Inbox(via.tangle, address));
        }

        /** The consent channel from the AUTHORIZED that named this provider, as sent in MAM_DATA. */
        ChannelKey consent() throws InterruptedException {
            MamData data = inbox.first(MamData.class, WAIT);
            return new ChannelKey(opener.open(data.consent().root()), opener.open(data.consent().sideKey()));
        }

        /** What this provider can read of the consent channel, following every rotation that holds a key for it. */
        List<String> reads(MyHome via) throws Exception {
            return types(new EventLog(via.transport).walk(consent(), RotatedKeys.provider(entry.iotaAddress(), opener)).events());
        }
    }

    private static List<String> types(List<ChannelEvent> events) {
        List<String> out = new ArrayList<>();
        for (ChannelEvent e : events) {
            String who = e instanceof Authorized a ? " " + host(a.policy())
                    : e instanceof AuthorizationRevoked r ? " " + host(r.policy())
                    : e instanceof KeyRotation k ? " " + k.keys().size() + "+" + k.wrapped().size() : "";
            out.add(e.type() + who);
        }
        return out;
    }

    private static String host(Policy p) {
        return p.serviceProvider().url().getHost();
    }

    private static Policy policy(Provider p, Address device) {
        return new Policy(p.entry(), "read", new Device(device, "P1"), "energy advice", List.of());
    }

    @Test
    void aRevokedProviderReadsItsRevocationAndTheRotationAndNothingAfter() throws Exception {
        try (TangleNode node = TangleNode.start(); DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM)) {
            HomeIdentity identity = MyHome.newIdentity();
            MyHome home = new MyHome(identity, Files.createDirectories(dir.resolve("home")), node.url, TangleNode.MWM);
            assertThat(home.pairing.pair(device.address, device.secret())).isInstanceOf(PairingOutcome.Paired.class);
            device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the pairing is confirmed");
            ChannelKey consent = home.household.state().devices().get(0).consent();
            ConsentWrapKey deviceWrap = ConsentWrapKey.derive(device.secret(), device.address);

            Provider a = Provider.create("A", home);
            Provider b = Provider.create("B", home);
            Provider c = Provider.create("C", home);
            home.household.grant(policy(a, device.address));
            home.household.grant(policy(b, device.address));
            a.consent();
            b.consent();

            home.household.revoke(policy(a, device.address));

            // My Home's local files are all lost after the first rotation: only its seed and household key are left.
            MyHome afterLoss = new MyHome(identity, Files.createDirectories(dir.resolve("home-after-loss")), node.url, TangleNode.MWM);
            afterLoss.household.grant(policy(c, device.address));
            c.consent(); // the device read C's AUTHORIZED under the rotated key, and sent C the current one
            afterLoss.household.revoke(policy(b, device.address));
            afterLoss.household.delete(device.address);
            device.awaitPairing(p -> p == null, WAIT, "the device is unpaired after the deletion");

            List<String> asA = a.reads(home);
            List<String> asB = b.reads(home);
            List<String> asC = c.reads(home);
            List<String> asDevice = types(new EventLog(home.transport).walk(consent, RotatedKeys.device(device.address, deviceWrap)).events());
            System.out.printf("consent channel as A reads it: %s%nas B: %s%nas C: %s%nas the device: %s%n", asA, asB, asC, asDevice);

            assertThat(asA).containsExactly("AUTHORIZED a.example", "AUTHORIZED b.example", "AUTHORIZATION_REVOKED a.example",
                    "KEY_ROTATION 1+1");
            assertThat(asB).containsExactly("AUTHORIZED b.example", "AUTHORIZATION_REVOKED a.example", "KEY_ROTATION 1+1",
                    "AUTHORIZED c.example", "AUTHORIZATION_REVOKED b.example", "KEY_ROTATION 1+1");
            assertThat(asC).containsExactly("AUTHORIZED c.example", "AUTHORIZATION_REVOKED b.example", "KEY_ROTATION 1+1",
                    "DEVICE_DELETED", "KEY_ROTATION 0+0");
            assertThat(asDevice).containsExactly("DEVICE_ADDED", "AUTHORIZED a.example", "AUTHORIZED b.example",
                    "AUTHORIZATION_REVOKED a.example", "KEY_ROTATION 1+1", "AUTHORIZED c.example", "AUTHORIZATION_REVOKED b.example",
                    "KEY_ROTATION 1+1", "DEVICE_DELETED", "KEY_ROTATION 0+0");
            // A was never sent anything after its revocation; C got its MAM_DATA from the device after the rotation.
            assertThat(a.inbox().all()).hasSize(1);
            assertThat(home.household.state().devices()).isEmpty();
            for (Provider p : List.of(a, b, c)) p.inbox().close();
        }
    }
}
