package org.iotahome.protocol.mam;

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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md §5: a child JVM publishing on a file-backed channel is killed (SIGKILL) at random
 * moments, many times, and restarted on the same state. Afterwards: the state file always loads;
 * every root got exactly one payload (a repeat after a crash is the same payload); the published
 * payloads form one unbroken chain root → next root; and the stored state never points at a root
 * that already has a message.
 */
class CrashSafetyTest {

    private static final int KILLS = 40;
    private static final String SEED = "CRASH".repeat(16) + "Z";

    @TempDir
    Path dir;

    @Test
    void killingThePublisherAtRandomNeverSignsTwiceNorBreaksTheChain() throws Exception {
        Path state = dir.resolve("channel.json");
        Path log = dir.resolve("sent.log");
        Files.createFile(log);
        Random random = new Random(2024);
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startChild(state, log);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            long before = Files.size(log);
            assertThat(out.readLine()).as("child %d starts", kill).isEqualTo("ready");
            // Each child gets at least one message out before the kill, however slow a loaded machine starts it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Files.size(log) == before && System.nanoTime() < deadline) Thread.sleep(5);
            Thread.sleep(random.nextInt(120));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Optional<ChannelCheckpoint> loaded = new FileChannelStateStore(state).load();
            assertThat(loaded).as("state after kill %d", kill).isPresent();
            Map<String, String> sent = payloadsByAddress(log);
            assertThat(sent).as("the next message's root is still unused").doesNotContainKey(loaded.get().state().address());
        }

        Map<String, String> sent = payloadsByAddress(log);
        assertThat(sent.size()).as("messages published across %d kills", KILLS).isGreaterThanOrEqualTo(KILLS);
        String root = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1).root();
        for (Map.Entry<String, String> e : sent.entrySet()) {
            assertThat(e.getKey()).as("messages follow one chain").isEqualTo(root);
            root = MamDecoder.decode(e.getValue(), root, SideKey.NONE).nextRoot();
        }
    }

    private Process startChild(Path state, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PublishUntilKilled.class.getName(), state.toString(), log.toString(), SEED)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Address → payload in first-sent order; fails if one address ever got two different payloads. */
    private static Map<String, String> payloadsByAddress(Path log) throws IOException {
        Map<String, String> byAddress = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        if (!Files.readString(log).endsWith("\n") && !lines.isEmpty()) lines.remove(lines.size() - 1);
        for (String line : lines) {
            if (line.endsWith(" TORN")) continue; // a send the kill cut short: it never arrived
            String[] parts = line.split(" ");
            String before = byAddress.putIfAbsent(parts[0], parts[1]);
            assertThat(before == null || before.equals(parts[1])).as("one payload per root at %s", parts[0]).isTrue();
        }
        return byAddress;
    }
}
