package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.iotahome.testpostgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's scale-out: two instances of one provider (one seed, one key pair) under the kafka
 * profile, on a real KRaft broker and one real PostgreSQL, with the real node and device. The
 * household is followed by one of them; that one is killed (SIGKILL) and the other takes the
 * household over within a minute. Every reading is stored exactly once, none missing, checked
 * against what a reader in this JVM read of the same channel.
 */
class ProviderScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PG_JAR = "iotahome.provider.pg.jar";

    @TempDir
    Path dir;

    @Test
    void twoInstancesStoreEachReadingOnceAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        try (TangleNode node = TangleNode.start();
                PostgresServer postgres = PostgresServer.start("provider", "provider");
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 4);
                DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM, Map.of("DEVICE_PUBLISH_INTERVAL", "3s"));
                MeterFeeder meter = new MeterFeeder(device.meterSide(), dir.resolve("meter.log"))) {
            MyHome home = new MyHome(MyHome.newIdentity(), Files.createDirectories(dir.resolve("home")), node.url, TangleNode.MWM);
            assertThat(home.pairing.pair(device.address, device.secret())).isInstanceOf(PairingOutcome.Paired.class);
            device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the pairing is confirmed");

            // One provider, two instances: the same seed and envelope key pair, one database, one Kafka.
            Map<String, String> env = new HashMap<>(Map.of("QUARKUS_PROFILE", "kafka", "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", "", "SEED", RandomTrytes.of(new SecureRandom(), 81)));
            Path key = Files.createDirectories(dir.resolve("p2-data")).resolve(EnvelopeKeyFile.FILE_NAME);
            EnvelopeKeyFile.write(key, EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom()));
            Files.createDirectories(dir.resolve("p1-data"));
            Files.copy(key, dir.resolve("p1-data").resolve(EnvelopeKeyFile.FILE_NAME));
            List<ProviderProcess> instances = new ArrayList<>(List.of(ProviderProcess.start("p1", PG_JAR, dir, node.url, env),
                    ProviderProcess.start("p2", PG_JAR, dir, node.url, env)));
            try {
                ServiceProvider provider = instances.get(0).entry();
                assertThat(instances.get(1).entry().iotaAddress()).isEqualTo(provider.iotaAddress());
                home.household.grant(new Policy(provider, "read", new Device(device.address, "P1"), "Energy insight", List.of()));
                // C: a reader in this JVM, to tell what the channel holds.
                EnvelopeKeyPair cKeys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
                Address cAddress = new Address(RandomTrytes.of(new SecureRandom(), 81));
                Inbox cInbox = new Inbox(home.tangle, cAddress);
                home.household.grant(new Policy(new ServiceProvider(URI.create("https://c.example/back"), cAddress, cKeys.publicKey()), "read",
                        new Device(device.address, "P1"), "Energy insight", List.of()));

                String root = instances.get(0).awaitReadings(5);
                ProviderProcess follower = Inbox.await(() -> following(instances, root), WAIT, "one instance following the household");
                ProviderProcess other = instances.get(0) == follower ? instances.get(1) : instances.get(0);
                assertThat(follows(other, root)).as("the other instance does not follow it too").isFalse();

                follower.kill();
                long killedAt = System.nanoTime();
                long atKill = other.count(root);
                Inbox.await(() -> {
                    try {
                        return follows(other, root) ? true : null;
                    } catch (Exception e) {
                        return null;
                    }
                }, Duration.ofSeconds(90), "the other instance taking the household over");
                double handoverS = (System.nanoTime() - killedAt) / 1e9;
                other.awaitReadings(atKill + 10);
                System.out.printf("household handed over %.1f s after the SIGKILL%n", handoverS);
                assertThat(handoverS).as("handed over within a minute").isLessThan(60);

                // Exactly once, none missing: the stored readings against C's in the window both cover.
                MamData sentToC = cInbox.first(MamData.class, WAIT);
                EnvelopeOpener cOpener = new EnvelopeOpener(cKeys);
                List<String> asC = new ArrayList<>();
                for (ChannelEvent e : new EventLog(home.transport).walk(
                        new ChannelKey(cOpener.open(sentToC.mamData().root()), cOpener.open(sentToC.mamData().sideKey())),
                        RotatedKeys.provider(cAddress, cOpener)).events())
                    if (e instanceof Data data) data.readings().forEach(r -> asC.add(r.path("meterTime").asText()));
                List<String> stored = new ArrayList<>();
                other.readings(root).forEach(r -> stored.add(r.path("meterTime").asText()));
                Collections.reverse(stored);
                assertThat(new TreeSet<>(stored)).as("no reading stored twice").hasSize(stored.size());
                String from = stored.get(0).compareTo(asC.get(0)) >= 0 ? stored.get(0) : asC.get(0);
                String to = stored.get(stored.size() - 1).compareTo(asC.get(asC.size() - 1)) <= 0 ? stored.get(stored.size() - 1) : asC.get(asC.size() - 1);
                List<String> storedWindow = stored.stream().filter(t -> t.compareTo(from) >= 0 && t.compareTo(to) <= 0).toList();
                List<String> cWindow = asC.stream().filter(t -> t.compareTo(from) >= 0 && t.compareTo(to) <= 0).toList();
                System.out.printf("stored %d readings, C read %d; both cover %s..%s: stored %d, C %d%n", stored.size(), asC.size(), from, to,
                        storedWindow.size(), cWindow.size());
                assertThat(storedWindow).as("every reading across the handover, once, in order").isEqualTo(cWindow).hasSizeGreaterThan(10);
                cInbox.close();
            } finally {
                for (ProviderProcess p : instances) p.close();
                Path logs = Files.createDirectories(Path.of("target", "logs", "ProviderScaleOutIT"));
                try (var files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                        Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static ProviderProcess following(List<ProviderProcess> instances, String root) {
        for (ProviderProcess p : instances) {
            try {
                if (follows(p, root)) return p;
            } catch (Exception e) {
                // not yet
            }
        }
        return null;
    }

    /** The follower's own line ("following device channel ABCDEFGHI…"), not the confirmation's. */
    private static boolean follows(ProviderProcess p, String root) throws java.io.IOException {
        return java.util.regex.Pattern.compile("GrantFollower\\] .*following device channel "
                + root.substring(0, 9) + "…").matcher(p.log()).find();
    }

}
