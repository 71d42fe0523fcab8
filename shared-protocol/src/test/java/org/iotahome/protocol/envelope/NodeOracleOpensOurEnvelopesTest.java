package org.iotahome.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Envelopes we seal now, with fresh randomness, opened by the npm oracles in Node: to the oracle's
 * key pair from the vectors, and to a key pair we generate now. Needs node and the oracles'
 * node_modules ({@code ./iotahome test} installs them).
 */
class NodeOracleOpensOurEnvelopesTest {

    private static final Path ORACLES = Path.of("src/test/oracles");
    private static final List<String> TEXTS = List.of("", "SIDEKEY9ABC", "gr\u00fc\u00dfe \u2713 \ud83d\ude00", "y".repeat(2000));
    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void theOracleOpensWhatWeSealToItsKeyPair(KemAlgorithm alg) throws Exception {
        JsonNode theirs = Vectors.json("envelope/" + alg.wireName() + ".json").get("theirs");
        EnvelopePublicKey to = EnvelopePublicKey.parse(theirs.get("publicKeyTrytes").asText());
        assertThat(openInNode(theirs.get("privateKey").asText(), sealAll(to))).containsExactlyElementsOf(TEXTS);
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void theOracleOpensWhatWeSealToOurFreshKeyPair(KemAlgorithm alg) throws Exception {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(alg, random);
        assertThat(openInNode(Base64.getEncoder().encodeToString(keys.privateKey()), sealAll(keys.publicKey())))
                .containsExactlyElementsOf(TEXTS);
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void theOracleRefusesWhatWeSealToAnotherKey(KemAlgorithm alg) throws Exception {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(alg, random);
        EnvelopeKeyPair other = EnvelopeKeyPair.generate(alg, random);
        assertThat(openInNode(Base64.getEncoder().encodeToString(other.privateKey()), sealAll(keys.publicKey())))
                .containsOnlyNulls();
    }

    private List<Envelope> sealAll(EnvelopePublicKey to) {
        EnvelopeSealer sealer = new EnvelopeSealer(random);
        return TEXTS.stream().map(t -> sealer.seal(to, t)).toList();
    }

    private static List<String> openInNode(String privateKeyBase64, List<Envelope> envelopes) throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(ORACLES.resolve("node_modules/ntru")),
                "npm oracles not installed: run npm ci in " + ORACLES + " (./iotahome test does)");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode req = mapper.createObjectNode();
        req.put("privateKey", privateKeyBase64);
        ArrayNode list = req.putArray("envelopes");
        envelopes.forEach(e -> list.add(EnvelopeJson.toNode(e)));
        Process p = new ProcessBuilder("node", "open-envelopes.js").directory(ORACLES.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(mapper.writeValueAsBytes(req));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("node exit code, output: %s", out).isZero();
        JsonNode texts = mapper.readTree(out).get("texts");
        return java.util.stream.StreamSupport.stream(texts.spliterator(), false)
                .map(t -> t.isNull() ? null : t.asText()).toList();
    }
}
