package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.iotahome.protocol.testing.Vectors;
import org.junit.jupiter.api.Test;

/** The 2673-tryte format and transaction hash against iota.lib.js@0.5.3's transactionObject. */
class TransactionVectorsTest {

    private static final JsonNode V = Vectors.json("tangle/transactions.json");

    @Test
    void readsEveryFieldAsTheReferenceDoesAndWritesTheSameTrytes() {
        assertThat(V).hasSizeGreaterThan(3);
        for (JsonNode c : V) {
            String trytes = c.get("trytes").asText();
            JsonNode o = c.get("object");
            Transaction tx = Transaction.fromTrytes(trytes);
            assertThat(tx.hash()).isEqualTo(c.get("hash").asText());
            assertThat(tx.toTrytes()).isEqualTo(trytes);
            assertThat(tx.signatureMessageFragment()).isEqualTo(o.get("signatureMessageFragment").asText());
            assertThat(tx.address()).isEqualTo(o.get("address").asText());
            assertThat(tx.value()).isEqualTo(o.get("value").asLong());
            assertThat(tx.obsoleteTag()).isEqualTo(o.get("obsoleteTag").asText());
            assertThat(tx.timestamp()).isEqualTo(o.get("timestamp").asLong());
            assertThat(tx.currentIndex()).isEqualTo(o.get("currentIndex").asLong());
            assertThat(tx.lastIndex()).isEqualTo(o.get("lastIndex").asLong());
            assertThat(tx.bundle()).isEqualTo(o.get("bundle").asText());
            assertThat(tx.trunkTransaction()).isEqualTo(o.get("trunkTransaction").asText());
            assertThat(tx.branchTransaction()).isEqualTo(o.get("branchTransaction").asText());
            assertThat(tx.tag()).isEqualTo(o.get("tag").asText());
            assertThat(tx.attachmentTimestamp()).isEqualTo(o.get("attachmentTimestamp").asLong());
            assertThat(tx.attachmentTimestampLowerBound()).isEqualTo(o.get("attachmentTimestampLowerBound").asLong());
            assertThat(tx.attachmentTimestampUpperBound()).isEqualTo(o.get("attachmentTimestampUpperBound").asLong());
            assertThat(tx.nonce()).isEqualTo(o.get("nonce").asText());
        }
    }

    @Test
    void refusesWrongLengthsNonTrytesAndUnusedValueTrits() {
        String good = V.get(0).get("trytes").asText();
        assertThatThrownBy(() -> Transaction.fromTrytes(good.substring(1))).hasMessage("transaction must be 2673 trytes, was 2672");
        assertThatThrownBy(() -> Transaction.fromTrytes(good.substring(1) + "a")).hasMessageContaining("character 'a' at position 2672");
        String badValue = good.substring(0, 2290) + "A" + good.substring(2291);
        assertThatThrownBy(() -> Transaction.fromTrytes(badValue)).hasMessageContaining("only the first 33 trits");
    }
}
