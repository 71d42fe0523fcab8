package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged device while it publishes, many times (issue 13, item 8): the packaged
 * device on a pty fed a telegram a second, 2 s batches to the packaged node at MWM 9, killed
 * (SIGKILL) at random moments: half just after a telegram, half while an outbox entry is on its way
 * to the Tangle; restarted on the same data directory each time. Then the channel is walked as a
 * reader with its root and side key does: no leaf carries two messages, every reading is on it at
 * most once and in order, every reading the outbox held at a kill is on it, and every reading the
 * meter sent is on it, the open batch included (it is kept on disk as it arrives), except the
 * telegrams sent while the device was down and those still on their way through the pty and the
 * framer when it was killed (sent under 1.5 s before the kill).
 *
 * <p>The first run signs at security 2, as every device did before PUBLISH_SECURITY; the restarts
 * run with the default (1), as an upgraded device does: the channel moves to security 1 at its next
 * root, and the reader, who infers each message's security, walks across (issue 18).
 */
class DeviceKilledWhilePublishingIT {

    private static final int KILLS = 9;
    private static final Duration BATCH = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One kill: when, what the outbox held just after it, and when the next run was up again. */
    private record Kill(long atNanos, Set<String> inOutbox, long upAgainNanos) {}

    @Test
    void everyReadingTakenIsOnTheChannelOnceInOrderAndNoLeafIsSignedTwice() throws Exception {
        Random random = new Random(Long.getLong("iotahome.e2e.seed", System.nanoTime()));
        List<Kill> kills = new ArrayList<>();
        try (TangleNode node = TangleNode.start()) {
            DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM,
                    Map.of("DEVICE_PUBLISH_INTERVAL", BATCH.toSeconds() + "s", "PUBLISH_SECURITY", "2"));
            Path data = device.data;
            try (RecordingMeter meter = new RecordingMeter(device.meterSide())) {
                awaitFirstPublish(device.data, Duration.ofSeconds(60));
                for (int k = 0; k < KILLS; k++) {
                    Thread.sleep(3_000 + random.nextInt(3_000)); // publish a while between kills
                    if (k % 2 == 0) {
                        meter.awaitNext();
                        Thread.sleep(random.nextInt(200));
                    } else {
                        awaitEntryOnItsWay(device.data, Duration.ofSeconds(30));
                        Thread.sleep(random.nextInt(150));
                    }
                    long at = System.nanoTime();
                    device.kill();
                    Set<String> inOutbox = outboxReadings(device.data);
                    long sending = entriesMarkedForARoot(device.data);
                    device = device.restartWithout("PUBLISH_SECURITY");
                    kills.add(new Kill(at, inOutbox, System.nanoTime()));
                    System.out.printf("kill %d (%s): %d readings in the outbox, %d entries on their way to a root%n", k + 1,
                            k % 2 == 0 ? "after a telegram" : "mid-attach", inOutbox.size(), sending);
                }
                Thread.sleep(8_000);
                meter.close();
                List<RecordingMeter.Sent> sent = meter.sent();
                String last = sent.get(sent.size() - 1).meterTime();
                Channel channel = Inbox.await(() -> {
                    Channel c = read(node.url, data);
                    return c.readings.contains(last) ? c : null;
                }, Duration.ofSeconds(60), "the meter's last reading on the channel");
                check(channel, kills, sent);
            } finally {
                device.close();
                keepLogs();
            }
        }
    }

    private static void check(Channel channel, List<Kill> kills, List<RecordingMeter.Sent> sent) {
        assertThat(channel.securities).as("security 2 before the upgrade, then the default 1 from the next root on, never back")
                .startsWith(2).endsWith(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(channel.conflicts).as("a leaf with two messages (a MAM one-time key signed twice)").isEmpty();
        assertThat(channel.addressesWithOtherBundles).as("an address holding two different bundles").isEmpty();
        assertThat(channel.readings).as("readings on the channel at most once, in the meter's order")
                .isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
        Set<String> onChannel = new HashSet<>(channel.readings);
        for (Kill k : kills)
            assertThat(onChannel).as("every reading the outbox held when the device was killed").containsAll(k.inOutbox());
        List<String> lost = new ArrayList<>();
        List<String> lostOutsideKills = new ArrayList<>();
        for (RecordingMeter.Sent s : sent) {
            if (onChannel.contains(s.meterTime())) continue;
            lost.add(s.meterTime());
            // A kill loses what came while the device was down and what had not yet been read off the pty; not the open batch.
            boolean nearKill = kills.stream().anyMatch(k -> s.atNanos() > k.atNanos() - TimeUnit.MILLISECONDS.toNanos(1500)
                    && s.atNanos() < k.upAgainNanos() + TimeUnit.SECONDS.toNanos(2));
            if (!nearKill) lostOutsideKills.add(s.meterTime());
        }
        System.out.printf("device killed %d times: meter sent %d, channel holds %d readings in %d messages (%d roots with the same"
                        + " bundle attached again), %d lost at kills%n", kills.size(), sent.size(), channel.readings.size(), channel.messages,
                channel.reattached, lost.size());
        System.out.printf("messages by security: %d at 2, %d at 1%n", channel.securities.stream().filter(s -> s == 2).count(),
                channel.securities.stream().filter(s -> s == 1).count());
        assertThat(lostOutsideKills).as("readings lost away from any kill").isEmpty();
        assertThat(channel.readings.size()).as("most of what the meter sent is on the channel").isGreaterThan(sent.size() / 2);
    }

    /** What a reader with the root and side key finds on the device channel. */
    private record Channel(List<String> readings, int messages, List<String> conflicts, List<String> addressesWithOtherBundles,
            int reattached, List<Integer> securities) {}

    private static Channel read(String nodeUrl, Path data) {
        try {
            String seed = Files.readString(data.resolve("seed"), StandardCharsets.US_ASCII).trim();
            SideKey key = new SideKey(Files.readString(data.resolve("side-key"), StandardCharsets.US_ASCII).trim());
            Tangle tangle = IriTangle.remotePow(IriClient.of(nodeUrl), TangleNode.MWM, 3);
            // The channel began at security 2 (the first run's setting): its first root is leaf 0's address at 2.
            String first = MamChannel.open(seed, MamMode.RESTRICTED, key, 2).root();
            assertThat(Files.readString(data.resolve("channel-first-root"), StandardCharsets.US_ASCII).trim())
                    .as("the first root the device keeps").isEqualTo(first);
            TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", System::currentTimeMillis,
                    Duration.ofSeconds(60));
            ReadResult read = new ChannelReader(transport).read(first, MamMode.RESTRICTED, key);
            List<Integer> securities = new ArrayList<>();
            for (ReadResult.ReadMessage m : read.messages())
                securities.add(MamDecoder.decode(transport.payloadsAt(MamMode.RESTRICTED.address(m.root())).get(0), m.root(), key)
                        .security());
            List<String> readings = new ArrayList<>();
            for (ReadResult.ReadMessage m : read.messages())
                if (EventCodec.read(AsciiTrytes.fromTrytes(m.message())) instanceof Data d) d.readings().forEach(r -> readings.add(r.path("meterTime").asText()));
            List<String> conflicts = read.skipped().stream().filter(s -> s.reason() != ReadResult.Reason.DUPLICATE).map(Object::toString).toList();
            // The bundles at each message's address: the same signed message attached again after a kill is harmless
            // (no new signature); a second, different one would be a one-time key used twice.
            List<String> other = new ArrayList<>();
            int reattached = 0;
            for (ReadResult.ReadMessage m : read.messages()) {
                String address = MamMode.RESTRICTED.address(m.root());
                List<List<Transaction>> bundles = tangle.bundlesSince(address, TangleCursor.START).await().atMost(Duration.ofSeconds(60));
                Set<String> payloads = new LinkedHashSet<>();
                for (List<Transaction> b : bundles) payloads.add(b.stream().map(Transaction::signatureMessageFragment).reduce("", String::concat));
                if (payloads.size() > 1) other.add(address);
                if (bundles.size() > 1) reattached++;
            }
            return new Channel(readings, read.messages().size(), conflicts, other, reattached, securities);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the device channel: " + e.getMessage(), e);
        }
    }

    /** The readings of the DATA events queued in the outbox (one JSON file per event). */
    private static Set<String> outboxReadings(Path data) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        Path outbox = data.resolve("outbox");
        if (!Files.isDirectory(outbox)) return out;
        try (var files = Files.list(outbox)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{19}\\.json")).sorted().toList()) {
                JsonNode entry = JSON.readTree(f.toFile());
                if (EventCodec.read(entry.path("event").asText()) instanceof Data d) d.readings().forEach(r -> out.add(r.path("meterTime").asText()));
            }
        }
        return out;
    }

    /** Entries the drain had marked with the root they were being published at: killed mid-attach. */
    private static long entriesMarkedForARoot(Path data) throws Exception {
        if (!Files.isDirectory(data.resolve("outbox"))) return 0;
        try (var files = Files.list(data.resolve("outbox"))) {
            long n = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{19}\\.json")).toList()) {
                try {
                    if (JSON.readTree(f.toFile()).hasNonNull("root")) n++;
                } catch (java.io.IOException gone) {
                    // published and removed meanwhile
                }
            }
            return n;
        }
    }

    private static void awaitFirstPublish(Path data, Duration wait) throws InterruptedException {
        Inbox.await(() -> Files.exists(data.resolve("channel.json")) ? true : null, wait, "the device's first message on its channel");
    }

    /** Waits (polling every few milliseconds) until the drain has marked an entry with its root: it is being attached. */
    private static void awaitEntryOnItsWay(Path data, Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        while (entriesMarkedForARoot(data) == 0) {
            if (System.nanoTime() > end) throw new AssertionError("no outbox entry went on its way to the Tangle in " + wait);
            Thread.sleep(5);
        }
    }

    /** The processes' logs outlive the temporary directory, for reading after a failure. */
    private void keepLogs() throws java.io.IOException {
        Path logs = Files.createDirectories(Path.of("target", "logs", "DeviceKilledWhilePublishingIT"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
