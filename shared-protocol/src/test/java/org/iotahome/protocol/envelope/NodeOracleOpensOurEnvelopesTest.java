package org.iotahome.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.iotahome.protocol.testing.NodeOracle;
import org.iotahome.protocol.testing.Vectors;

/**
 * Envelopes we seal now, with fresh randomness, opened by the npm oracles in Node: to the oracle's
 * key pair from the vectors, and to a key pair we generate now. Needs node and the oracles'
 * node_modules ({@code ./iotahome test} installs them).
 */
class NodeOracleOpensOurEnvelopesTest {

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

    private static List<String> openInNode(String privateKeyBase64, List<Envelope> envelopes) throws IOException {
        ObjectMapper mapper = NodeOracle.JSON;
        ObjectNode req = mapper.createObjectNode();
        req.put("privateKey", privateKeyBase64);
        ArrayNode list = req.putArray("envelopes");
        envelopes.forEach(e -> list.add(EnvelopeJson.toNode(e)));
        JsonNode texts = mapper.readTree(NodeOracle.runWithInput("open-envelopes.js", mapper.writeValueAsBytes(req))).get("texts");
        return java.util.stream.StreamSupport.stream(texts.spliterator(), false)
                .map(t -> t.isNull() ? null : t.asText()).toList();
    }
}
