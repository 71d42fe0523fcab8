package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the device while it publishes, many times (PROTOCOL.md §5): a child JVM drains a
 * full outbox onto the channel and is killed at random moments and restarted on the same data
 * directory until the outbox is empty. Afterwards no root was ever signed with two payloads, the
 * payloads form one chain, and it carries every queued event once, in order.
 */
class KilledWhilePublishingTest {

    private static final int EVENTS = 120;
    /** Each run sends at least one event before it is killed, so the outbox empties within EVENTS kills however slow the machine. */
    private static final int MAX_KILLS = EVENTS;
    private static final String SEED = "KILLED".repeat(13) + "KKK";

    @TempDir
    Path dir;

    @Test
    void noLeafIsSignedTwiceAndNoEventIsLostOrRepeated() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("sent.log");
        Files.createFile(log);
        Outbox outbox = Outbox.open(data.resolve("outbox"));
        for (int n = 1; n <= EVENTS; n++) outbox.append("{\"reading\":" + n + "}");

        Random random = new Random(13);
        int kills = 0;
        boolean empty = false;
        while (!empty) {
            assertThat(kills).as("the outbox drained within %d kills", MAX_KILLS).isLessThan(MAX_KILLS);
            Process child = startChild(data, log);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            assertThat(out.readLine()).as("child %d starts", kills).isEqualTo("ready");
            // Killed after 1 to 3 sends and a few milliseconds more: mid-send, between sends, or just after one.
            long until = lines(log) + 1 + random.nextInt(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines(log) < until && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(2);
            Thread.sleep(random.nextInt(60));
            if (child.isAlive()) {
                child.destroyForcibly();
                kills++;
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            empty = Outbox.open(data.resolve("outbox")).size() == 0;
        }
        // One last run with nothing queued: what a crash left unsent goes first, then nothing more.
        Process last = startChild(data, log);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(kills).as("kills while publishing").isGreaterThanOrEqualTo(5);
        List<String> events = new ArrayList<>();
        String root = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1).root();
        for (Map.Entry<String, String> e : payloadsByAddress(log).entrySet()) {
            assertThat(e.getKey()).as("messages follow one chain").isEqualTo(MamMode.PUBLIC.address(root));
            var decoded = MamDecoder.decode(e.getValue(), root, SideKey.NONE);
            events.add(AsciiTrytes.fromTrytes(decoded.message()));
            root = decoded.nextRoot();
        }
        assertThat(events).containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).mapToObj(n -> "{\"reading\":" + n + "}").toList());
    }

    private static long lines(Path log) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        long n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return n;
    }

    private Process startChild(Path data, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DrainUntilKilled.class.getName(), data.toString(), log.toString(), SEED)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Address → payload in first-sent order; fails if one address ever got two different payloads. */
    private static Map<String, String> payloadsByAddress(Path log) throws IOException {
        Map<String, String> byAddress = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        if (!Files.readString(log).endsWith("\n") && !lines.isEmpty()) lines.remove(lines.size() - 1);
        for (String line : lines) {
            if (line.endsWith(" TORN")) continue;
            String[] parts = line.split(" ");
            String before = byAddress.putIfAbsent(parts[0], parts[1]);
            assertThat(before == null || before.equals(parts[1])).as("one payload per root at %s", parts[0]).isTrue();
        }
        return byAddress;
    }
}
