package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.hash.Kerl;
import org.iotahome.protocol.hash.Sponge;
import org.iotahome.protocol.testing.Vectors;
import org.iotahome.protocol.trinary.Trytes;
import org.junit.jupiter.api.Test;

/** Curl-P-81, Curl-P-27 and Kerl against @iota/curl and @iota/kerl vectors. */
class SpongeVectorsTest {

    private static final JsonNode V = Vectors.json("tangle/sponges.json");

    @Test
    void curl81() {
        check("curl81", Curl::p81);
    }

    @Test
    void curl27() {
        check("curl27", Curl::p27);
    }

    @Test
    void kerl() {
        check("kerl", Kerl::new);
    }

    private static void check(String name, Supplier<Sponge> make) {
        assertThat(V.get(name)).isNotEmpty();
        for (JsonNode c : V.get(name)) {
            Sponge s = make.get();
            s.absorb(Trytes.toTrits(c.get("in").asText()));
            assertThat(Trytes.fromTrits(s.squeeze(c.get("squeeze").asInt()))).isEqualTo(c.get("out").asText());
        }
    }
}
