package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent that ends by itself (issue 16): a grant to A and to the packaged provider P that expire in
 * a few seconds, one to B that does not; then My Home says nothing more. On its own clock the
 * packaged device rotates its key for B alone: A reads the device's data up to that rotation and
 * nothing after; B reads on; P showed the end date and marks its grant expired at that moment,
 * keeping what it read.
 */
class ConsentExpiryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** A provider reading in this JVM: its entry, key pair and inbox. */
    private record Reader(ServiceProvider entry, EnvelopeOpener opener, Inbox inbox) {

        static Reader create(String name, MyHome via) {
            EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
            Address address = new Address(RandomTrytes.of(new SecureRandom(), 81));
            return new Reader(new ServiceProvider(URI.create("https://" + name + ".example/back"), address, keys.publicKey()),
                    new EnvelopeOpener(keys), new Inbox(via.tangle, address));
        }

        /** The device channel as far as this provider can read it, from the root it was sent. */
        List<ChannelEvent> deviceChannel(MyHome via) throws Exception {
            MamData sent = inbox.first(MamData.class, WAIT);
            ChannelKey data = new ChannelKey(opener.open(sent.mamData().root()), opener.open(sent.mamData().sideKey()));
            return new EventLog(via.transport).walk(data, RotatedKeys.provider(entry.iotaAddress(), opener)).events();
        }
    }

    @Test
    void theDeviceEndsAnExpiredConsentByItselfWhileMyHomeIsSilent() throws Exception {
        try (TangleNode node = TangleNode.start();
                DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM, Map.of("DEVICE_PUBLISH_INTERVAL", "2s"));
                MeterFeeder meter = new MeterFeeder(device.meterSide(), dir.resolve("meter.log"));
                ProviderProcess p = ProviderProcess.start("p", dir, node.url, Map.of())) {
            MyHome home = new MyHome(MyHome.newIdentity(), Files.createDirectories(dir.resolve("home")), node.url, TangleNode.MWM);
            assertThat(home.pairing.pair(device.address, device.secret())).isInstanceOf(PairingOutcome.Paired.class);
            device.awaitPairing(s -> s != null && s.path("confirmed").asBoolean(), WAIT, "the pairing is confirmed");

            Reader a = Reader.create("a", home);
            Reader b = Reader.create("b", home);
            Instant expires = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            home.household.grant(new Policy(a.entry(), "read", new Device(device.address, "P1"), "energy advice",
                    List.of(ConsentExpiry.condition(expires))));
            home.household.grant(new Policy(p.entry(), "read", new Device(device.address, "P1"), "energy advice",
                    List.of(ConsentExpiry.condition(expires))));
            home.household.grant(new Policy(b.entry(), "read", new Device(device.address, "P1"), "energy advice", List.of()));
            a.inbox().first(MamData.class, WAIT);
            b.inbox().first(MamData.class, WAIT);
            String root = p.awaitReadings(1);
            JsonNode before = grant(p, root);
            assertThat(before.path("status").asText()).isEqualTo("active");
            assertThat(before.path("expiresAt").asLong()).as("P shows when the consent ends").isEqualTo(expires.toEpochMilli());

            // From here My Home publishes nothing: the device acts on its own clock.
            device.awaitLog("consent of provider " + a.entry().iotaAddress() + " ended by itself", WAIT);
            Thread.sleep(6_000); // a few more batches for B

            List<ChannelEvent> asA = a.deviceChannel(home);
            List<ChannelEvent> asB = b.deviceChannel(home);
            KeyRotation cut = asB.stream().filter(e -> e instanceof KeyRotation).map(e -> (KeyRotation) e).findFirst().orElseThrow();
            System.out.printf("expiry %s, device rotated at %s; A read %d events, B %d%n", expires, Instant.ofEpochMilli(cut.timestamp()),
                    asA.size(), asB.size());
            assertThat(cut.keys()).containsOnlyKeys(b.entry().iotaAddress());
            assertThat(Instant.ofEpochMilli(cut.timestamp())).isAfterOrEqualTo(expires.minusSeconds(1)).isBefore(expires.plusSeconds(15));
            assertThat(asA.get(asA.size() - 1)).as("A's last readable event is the rotation that left it out").isEqualTo(cut);
            assertThat(asA).filteredOn(e -> e instanceof Data).as("A read data before its consent ended").isNotEmpty()
                    .allMatch(e -> e.timestamp() <= cut.timestamp());
            assertThat(asB).filteredOn(e -> e instanceof Data && e.timestamp() > cut.timestamp()).as("B reads on").isNotEmpty();
            // P marked its grant expired at the end date, by its own clock, and read nothing after it.
            JsonNode after = Inbox.await(() -> {
                JsonNode g = grant(p, root);
                return g.path("status").asText().equals("expired") ? g : null;
            }, WAIT, "P marks its grant expired");
            assertThat(after.path("endedAt").asLong()).isEqualTo(expires.toEpochMilli());
            assertThat(p.log()).contains("the household's consent ended on " + expires);
            long kept = after.path("readings").asLong();
            Thread.sleep(6_000);
            assertThat(grant(p, root).path("readings").asLong()).as("P read nothing after the expiry, and keeps what it had")
                    .isEqualTo(kept).isPositive();
            for (JsonNode r : p.readings(root))
                assertThat(java.time.OffsetDateTime.parse(r.path("meterTime").asText()).toInstant()).as("a reading P stored")
                        .isBefore(expires.plusSeconds(3));
            a.inbox().close();
            b.inbox().close();
        }
    }

    private static JsonNode grant(ProviderProcess p, String root) {
        try {
            for (JsonNode g : p.grants()) if (g.path("device").asText().equals(root)) return g;
        } catch (Exception e) {
            return null; // not answering: the next poll
        }
        return null;
    }
}
