package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.testing.NodeOracle;
import org.iotahome.protocol.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The other direction: bundles we build and attach, judged by iota.lib.js@0.5.3 (isBundle,
 * transactionObject hashes, extractJson). Live on fresh bundles, and on the committed ones that
 * include deliberately broken bundles, where our validator must agree with the reference.
 */
class OracleJudgesOurBundlesTest {

    private static final String ADDRESS = "IOTAHOME9DEVICE9" + "9".repeat(65);
    private static final String GENESIS = "9".repeat(81);

    @Test
    void theReferenceAcceptsFreshBundlesWeAttachedAndReadsTheirMessages() throws Exception {
        Attacher attacher = new Attacher(ProofOfWork.create(), () -> 1_700_000_000_000L);
        List<String> messages = List.of("{\"type\":\"CLAIM_DEVICE\",\"v\":1}", "{\"raw\":\"" + "z".repeat(3000) + "\"}",
                "{\"note\":\"" + "y".repeat(2176) + "\"}");
        ArrayNode in = NodeOracle.JSON.createArrayNode();
        for (String json : messages) {
            List<Transaction> bundle = MessageBundle.build(ADDRESS, "IOTAHOME", json, 1_700_000_000L);
            List<String> attached = attacher.attach(GENESIS, GENESIS, 5, Attacher.lastFirst(bundle));
            ObjectNode b = in.addObject().put("name", json.substring(0, 12));
            attached.forEach(b.putArray("trytes")::add);
        }
        JsonNode verdicts = judge(in);
        for (int i = 0; i < messages.size(); i++) {
            JsonNode v = verdicts.get(i);
            assertThat(v.get("isBundle").asBoolean()).as("isBundle %s", v.get("name")).isTrue();
            assertThat(v.get("extractJson").asText()).isEqualTo(messages.get(i));
            List<Transaction> ours = new ArrayList<>();
            v.get("trytes").forEach(t -> ours.add(Transaction.fromTrytes(t.asText())));
            ours.sort(java.util.Comparator.comparingLong(Transaction::currentIndex));
            for (int k = 0; k < ours.size(); k++) assertThat(ours.get(k).hash()).isEqualTo(v.get("hashes").get(k).asText());
            assertThat(BundleValidator.attached(5).problem(ours)).isNull();
        }
    }

    @Test
    void ourValidatorAgreesWithTheReferenceOnCommittedBundlesGoodAndBroken() {
        JsonNode committed = Vectors.json("tangle/bundles-by-us.json");
        assertThat(committed).hasSizeGreaterThan(4);
        for (JsonNode v : committed) {
            List<Transaction> txs = new ArrayList<>();
            v.get("trytes").forEach(t -> txs.add(Transaction.fromTrytes(t.asText())));
            txs.sort(java.util.Comparator.comparingLong(Transaction::currentIndex));
            String problem = BundleValidator.unattached().problem(txs);
            assertThat(problem == null).as("%s: ours says %s", v.get("name").asText(), problem)
                    .isEqualTo(v.get("isBundle").asBoolean());
        }
    }

    static JsonNode judge(ArrayNode bundles) throws Exception {
        java.nio.file.Path in = java.nio.file.Files.createTempFile("bundles", ".json");
        try {
            java.nio.file.Files.writeString(in, NodeOracle.JSON.writeValueAsString(bundles), StandardCharsets.UTF_8);
            return NodeOracle.JSON.readTree(NodeOracle.run("verify-bundles.js", in.toString()));
        } finally {
            java.nio.file.Files.deleteIfExists(in);
        }
    }
}
