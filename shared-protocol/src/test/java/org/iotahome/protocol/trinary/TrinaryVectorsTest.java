package org.iotahome.protocol.trinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.iotahome.protocol.testing.Vectors;
import org.junit.jupiter.api.Test;

/** Conversions against vectors made by iota.lib.js@0.5.3 and @iota/converter. */
class TrinaryVectorsTest {

    private static final JsonNode V = Vectors.json("tangle/converter.json");

    @Test
    void asciiBecomesTheSameTrytesBothWays() {
        for (JsonNode c : V.get("ascii")) {
            assertThat(AsciiTrytes.toTrytes(c.get("ascii").asText())).isEqualTo(c.get("trytes").asText());
            assertThat(AsciiTrytes.fromTrytes(c.get("trytes").asText())).isEqualTo(c.get("ascii").asText());
        }
    }

    @Test
    void trytesBecomeTheSameTritsBothWays() {
        for (JsonNode c : V.get("trits")) {
            byte[] expected = new byte[c.get("trits").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = (byte) c.get("trits").get(i).asInt();
            assertThat(Trytes.toTrits(c.get("trytes").asText())).containsExactly(expected);
            assertThat(Trytes.fromTrits(expected)).isEqualTo(c.get("trytes").asText());
        }
    }

    @Test
    void integersBecomeTheSameBalancedTrits() {
        for (JsonNode c : V.get("values")) {
            JsonNode trits = c.get("trits");
            byte[] expected = new byte[trits.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = (byte) trits.get(i).asInt();
            assertThat(Trits.toLong(expected)).isEqualTo(c.get("value").asLong());
            assertThat(Trits.fromLong(c.get("value").asLong(), expected.length)).containsExactly(expected);
        }
    }

    @Test
    void badInputIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> Trytes.requireTrytes("seed", "AB1C")).hasMessage("seed must be trytes (9A-Z): character '1' at position 2");
        assertThatThrownBy(() -> Trytes.requireTrytes("address", "ABC", 81)).hasMessage("address must be 81 trytes, was 3");
        assertThatThrownBy(() -> AsciiTrytes.toTrytes("caf\u20ac")).hasMessageContaining("U+20AC at 3");
        assertThatThrownBy(() -> AsciiTrytes.fromTrytes("ODQ")).hasMessageContaining("even length");
        assertThatThrownBy(() -> AsciiTrytes.fromTrytes("ZZ")).hasMessageContaining("no char code");
        assertThatThrownBy(() -> Trits.fromLong(14, 2)).hasMessageContaining("does not fit");
        assertThat(Trytes.isTrytes("ABC9", 4)).isTrue();
        assertThat(Trytes.isTrytes("abc9", 4)).isFalse();
    }
}
