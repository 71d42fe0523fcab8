package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.testing.Vectors;
import org.junit.jupiter.api.Test;

/** Message bundles that iota.lib.js@0.5.3's prepareTransfers built: we build the same and read them. */
class MessageBundleVectorsTest {

    private static final JsonNode V = Vectors.json("tangle/bundles-by-oracle.json");

    @Test
    void weBuildTheSameBundleAsTheReferenceForTheSameMessage() {
        for (JsonNode c : V) {
            List<Transaction> ours = MessageBundle.build(c.get("address").asText(), c.get("tag").asText(),
                    c.get("json").asText(), c.get("timestampSeconds").asLong());
            List<String> trytes = new ArrayList<>();
            for (Transaction tx : ours) trytes.add(tx.toTrytes());
            List<String> expected = new ArrayList<>();
            c.get("trytes").forEach(t -> expected.add(t.asText()));
            assertThat(trytes).as(c.get("json").asText()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void weReadTheReferenceBundlesAndFindThemValid() {
        for (JsonNode c : V) {
            List<Transaction> txs = new ArrayList<>();
            c.get("trytes").forEach(t -> txs.add(Transaction.fromTrytes(t.asText())));
            assertThat(BundleValidator.unattached().problem(txs)).isNull();
            List<String> fragments = txs.stream().map(Transaction::signatureMessageFragment).toList();
            assertThat(JsonFragments.extract(fragments)).isEqualTo(c.get("json").asText());
            assertThat(c.get("extractJson").asText()).isEqualTo(c.get("json").asText());
        }
    }
}
