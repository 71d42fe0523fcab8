package org.iotahome.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.Attacher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.NodeRefusedException;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged node with the reference clients, our client, a kill -9 and bad input. */
class TangleNodeIT {

    private static final Path ORACLES = Path.of("..", "shared-protocol", "src", "test", "oracles").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MWM = 9;
    private static final String SEND = "SEND" + "9".repeat(77);
    private static final String READ = "READ" + "9".repeat(77);

    @Test
    void referenceClientsAndOursInteroperateThroughTheNodeAndAKillLosesNothing(@TempDir Path data) throws Exception {
        List<String> hashesBefore;
        try (NodeProcess node = NodeProcess.start(data, MWM)) {
            IriClient client = IriClient.of(node.url());
            // ours, remote PoW (attachToTangle) and local PoW (storeTransactions), for iota.lib.js to read
            String remote = "{\"v\":1,\"type\":\"CHALLENGE\",\"challenge\":\"" + "A".repeat(3000) + "\"}";
            IriTangle.remotePow(client, MWM, 3).attach(MessageBundle.build(READ, "IOTAHOME", remote, nowSeconds()))
                    .await().atMost(Duration.ofMinutes(2));
            String local = "{\"v\":1,\"type\":\"CLAIM_RESULT\",\"status\":\"OK\"}";
            IriTangle.localPow(client, MWM, 3, new Attacher(ProofOfWork.create(), System::currentTimeMillis))
                    .attach(MessageBundle.build(READ, "IOTAHOME", local, nowSeconds())).await().atMost(Duration.ofMinutes(2));

            JsonNode seen = runOracle(node.url());

            // iota.lib.js sendTransfer + findTransactionObjects + extractJson
            String sentJson = seen.at("/sent/json").asText();
            assertThat(seen.at("/foundAtSend")).singleElement().satisfies(b -> {
                assertThat(b.get("isBundle").asBoolean()).isTrue();
                assertThat(b.get("json").asText()).isEqualTo(sentJson);
            });
            // iota.lib.js reads what our client attached, both ways
            assertThat(seen.at("/foundAtRead")).hasSize(2).allSatisfy(b -> assertThat(b.get("isBundle").asBoolean()).isTrue());
            assertThat(seen.at("/foundAtRead")).extracting(b -> b.get("json").asText()).containsExactly(remote, local);
            // @iota/mam attach + fetch
            assertThat(seen.at("/mam/fetched")).extracting(JsonNode::asText).containsExactly("{\"n\":1}", "{\"n\":2}");
            // our watcher reads what iota.lib.js sent
            ReceivedMessage got = new AddressWatcher(IriTangle.remotePow(client, MWM, 3), SEND, MWM, Duration.ofMillis(100),
                    Duration.ofMillis(100), Duration.ofSeconds(1), CursorStore.none(), r -> { })
                    .messages().toUni().await().atMost(Duration.ofSeconds(30));
            assertThat(got.json()).isEqualTo(sentJson);
            assertThat(got.bundleHash()).isEqualTo(seen.at("/sent/bundle").asText());

            hashesBefore = client.findTransactionsByAddress(READ).await().indefinitely();
            assertThat(hashesBefore).as("3 fragments of ours by attachToTangle, 1 by local PoW").hasSize(4);
            node.kill();
        }
        try (NodeProcess again = NodeProcess.start(data, MWM)) {
            IriClient client = IriClient.of(again.url());
            assertThat(client.findTransactionsByAddress(READ).await().indefinitely()).containsExactlyInAnyOrderElementsOf(hashesBefore);
            assertThat(client.getTrytes(hashesBefore).await().indefinitely())
                    .allSatisfy(t -> assertThat(Transaction.fromTrytes(t).address()).isEqualTo(READ));
            assertThat(client.findTransactionsByAddress(SEND).await().indefinitely()).hasSize(2);
        }
    }

    @Test
    void ourMamChannelsAndTheReferenceClientsReadEachOtherThroughTheNode(@TempDir Path data) throws Exception {
        try (NodeProcess node = NodeProcess.start(data, MWM)) {
            TangleMessageTransport transport = new TangleMessageTransport(IriTangle.remotePow(IriClient.of(node.url()), MWM, 3),
                    "IOTAHOME", System::currentTimeMillis, Duration.ofMinutes(2));
            SideKey key = new SideKey("DEVICE9SIDE9KEY");
            ChannelPublisher ours = ChannelPublisher.open(new FileChannelStateStore(data.resolve("channel.json")), transport,
                    () -> MamChannel.open("OURS".repeat(20) + "O", MamMode.RESTRICTED, key, 2));
            String root = ours.channel().root();
            List<String> sent = List.of("{\"type\":\"DATA\",\"n\":1}", "{\"type\":\"DATA\",\"raw\":\"" + "z".repeat(3000) + "\"}");
            for (String json : sent) ours.publish(AsciiTrytes.toTrytes(json));

            JsonNode seen = runOracle("mam-roundtrip.js", node.url(), root, "restricted", key.trytes());

            assertThat(seen.at("/fetched")).extracting(JsonNode::asText).containsExactlyElementsOf(sent);
            ReadResult theirs = new ChannelReader(transport).read(seen.at("/theirs/root").asText(), MamMode.RESTRICTED, key);
            List<String> theirsSent = new java.util.ArrayList<>();
            seen.at("/theirs/sent").forEach(t -> theirsSent.add(t.asText()));
            assertThat(theirsSent).hasSize(2);
            assertThat(theirs.messages()).extracting(m -> AsciiTrytes.fromTrytes(m.message())).containsExactlyElementsOf(theirsSent);
        }
    }

    @Test
    void aTransactionBelowTheWeightIsRefusedAndNeverStored(@TempDir Path data) throws Exception {
        try (NodeProcess node = NodeProcess.start(data, MWM)) {
            IriClient client = IriClient.of(node.url());
            String weak = new Attacher(ProofOfWork.create(), System::currentTimeMillis)
                    .attach("9".repeat(81), "9".repeat(81), 0, Attacher.lastFirst(MessageBundle.build(READ, "X", "{}", nowSeconds())))
                    .get(0);
            assertThat(ProofOfWork.weight(Curl.hash81(Trytes.toTrits(weak)))).as("weight of the weak transaction").isLessThan(MWM);

            assertThatThrownBy(() -> client.storeTransactions(List.of(weak)).await().indefinitely())
                    .isInstanceOf(NodeRefusedException.class).hasMessageContaining("weight").hasMessageContaining("needs 9");
            assertThat(client.findTransactionsByAddress(READ).await().indefinitely()).isEmpty();
        }
    }

    @Test
    void badRequestsGetAnIriErrorAndLargeOnesPass(@TempDir Path data) throws Exception {
        try (NodeProcess node = NodeProcess.start(data, MWM)) {
            assertThat(post(node, "{\"command\":", "1")).startsWith("400 ").contains("Invalid JSON syntax");
            assertThat(post(node, "{\"command\":\"dance\"}", "1")).startsWith("400 ").contains("Command [dance] is unknown");
            assertThat(post(node, "{\"command\":\"getTrytes\",\"hashes\":[\"abc\"]}", "1")).startsWith("400 ")
                    .contains("not trytes");
            assertThat(post(node, "{\"command\":\"storeTransactions\",\"trytes\":[\"" + "A".repeat(2672) + "\"]}", "1"))
                    .startsWith("400 ").contains("2673 trytes, got 2672");
            assertThat(post(node, "{\"command\":\"getNodeInfo\"}", "2")).startsWith("400 ").contains("Invalid API Version");
            assertThat(post(node, "{\"command\":\"getNodeInfo\"}", null)).startsWith("200 ");
            // PROTOCOL.md §6: ~5,500-tryte public keys travel in requests of 16 KiB and more
            assertThat(post(node, "{\"command\":\"findTransactions\",\"tags\":[\"A\"],\"key\":\"" + "K".repeat(64 * 1024) + "\"}", "1"))
                    .startsWith("200 ");
            assertThat(post(node, "{\"command\":\"findTransactions\",\"tags\":[\"A\"],\"key\":\"" + "K".repeat(5 << 20) + "\"}", "1"))
                    .startsWith("400 ").contains("Request too long");
            assertThat(IriClient.of(node.url()).findTransactionsByAddress(READ).await().indefinitely()).isEmpty();
            // The Helm chart's probes (k8s/iotahome): live, and ready while the store answers.
            assertThat(get(node, "/q/health/live")).startsWith("200 ").contains("\"status\": \"UP\"");
            assertThat(get(node, "/q/health/ready")).startsWith("200 ").contains("transaction store").contains("\"transactions\": 0");
        }
    }

    private static String get(NodeProcess node, String path) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static String post(NodeProcess node, String body, String version) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "/"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (version != null) b.header("X-IOTA-API-Version", version);
        var r = java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static JsonNode runOracle(String url) throws Exception {
        return runOracle("tangle-node-compat.js", url, SEND, READ);
    }

    private static JsonNode runOracle(String script, String... args) throws Exception {
        if (!Files.isDirectory(ORACLES.resolve("node_modules")))
            throw new IllegalStateException("npm oracles are not installed: run ./iotahome test, or npm ci in " + ORACLES);
        List<String> command = new java.util.ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ORACLES.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("node %s failed: %s", script, err).isZero();
        return JSON.readTree(out);
    }
}
