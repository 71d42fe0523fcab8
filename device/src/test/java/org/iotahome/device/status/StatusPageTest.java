package org.iotahome.device.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.pairing.Pairing;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

/** The local status page and its JSON on the running device; a data directory of its own, so pairing it here touches no other test. */
@QuarkusTest
@TestProfile(StatusPageTest.OwnData.class)
class StatusPageTest {

    public static final class OwnData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("device.data-dir", "target/device-test-data-status");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/status")
    URI status;
    @TestHTTPResource("/")
    URI page;
    @Inject
    PairingStore pairing;
    @Inject
    DeviceConfig config;

    private static String get(URI uri) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + uri).isEqualTo(200);
        return r.body();
    }

    private String secret() throws Exception {
        return Files.readString(config.dataDir().resolve("secret"), StandardCharsets.US_ASCII).trim();
    }

    @Test
    void showsTheDeviceAndItsStreamsAsJsonWithoutAnySecretAndTheQrCodeOnlyWhileUnpaired() throws Exception {
        pairing.delete();
        String body = get(status);
        JsonNode s = JSON.readTree(body);
        assertThat(s.path("address").asText()).hasSize(90);
        assertThat(s.path("pairing").path("state").asText()).isEqualTo("UNPAIRED");
        assertThat(s.path("counters").path("rejected").has("crc")).isTrue();
        assertThat(s.path("counters").has("lastRejected")).as("null before the first rejection, but named").isTrue();
        assertThat(s.path("outbox").path("maxBytes").asLong()).isPositive();
        assertThat(s.path("channel").path("index").asLong()).isNotNegative();
        assertThat(s.path("streams")).extracting(n -> n.path("name").asText())
                .containsExactly("readings", "outbox-drain", "pairing-inbox", "consent-follower");
        String seed = Files.readString(config.dataDir().resolve("seed")).trim();
        String sideKey = Files.readString(config.dataDir().resolve("side-key")).trim();
        assertThat(body).doesNotContain(secret()).doesNotContain(seed).doesNotContain(sideKey);

        String unpaired = get(page);
        assertThat(unpaired).contains("UNPAIRED").contains("<svg").contains("pairing QR code").contains("last rejected");
        assertThat(unpaired).doesNotContain(secret()).doesNotContain(seed);

        pairing.save(Pairing.pending(new Address("H".repeat(81)), new ChannelKey("C".repeat(81), "CONSENT9KEY")));
        try {
            assertThat(JSON.readTree(get(status)).path("pairing").path("state").asText()).isEqualTo("PENDING");
            String pending = get(page);
            assertThat(pending).contains("PENDING").doesNotContain("<svg");
        } finally {
            pairing.delete();
        }
    }
}
