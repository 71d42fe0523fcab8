package org.iotahome.device.publish;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.serial.PtyPair;
import org.junit.jupiter.api.Test;

/**
 * Failures injected into the running device's node-facing streams: each is reported in
 * {@code /q/health} while it lasts, with why, and the stream goes on once the node is back.
 * A profile of its own, so what it publishes is on a channel no other test reads.
 */
@QuarkusTest
@TestProfile(StreamsRecoverTest.OwnData.class)
class StreamsRecoverTest {

    public static final class OwnData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("device.data-dir", "target/device-test-data-recover");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FlakyTangle tangle;
    @Inject
    Outbox outbox;
    @Inject
    MamPublisher publisher;
    @Inject
    StreamHealth health;
    @Inject
    PublishCounters counters;

    @TestHTTPResource("/q/health/live")
    URI live;
    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void aNodeThatRefusesToLookUpTheDeviceAddressIsReportedAndThePairingInboxGoesOn() throws Exception {
        PtyPair.await(() -> health.status(DeviceStream.PAIRING_INBOX).lastOk() != null, PATIENCE, "the inbox's first poll");
        tangle.refuseFinds(true);
        try {
            PtyPair.await(() -> check(live, "pairing-inbox").path("status").asText().equals("DOWN"), PATIENCE,
                    "health to show the pairing inbox failing");
            JsonNode inbox = check(live, "pairing-inbox");
            assertThat(inbox.path("data").path("problem").asText()).contains("NodeRefusedException").contains("transactions match");
            assertThat(inbox.path("data").path("failingSince").asText()).isNotEmpty();
            long failures = health.status(DeviceStream.PAIRING_INBOX).failures();
            PtyPair.await(() -> health.status(DeviceStream.PAIRING_INBOX).failures() > failures, PATIENCE, "the inbox to retry");
            assertThat(check(live, "outbox-drain").path("status").asText()).isEqualTo("UP");   // one stream's failure is its own
        } finally {
            tangle.refuseFinds(false);
        }
        PtyPair.await(() -> check(live, "pairing-inbox").path("status").asText().equals("UP"), PATIENCE,
                "the pairing inbox to work again");
        assertThat(check(ready, "node").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aNodeThatIsDownHoldsTheOutboxDrainWhichHealthShowsAndPublishesOnceItIsBack() throws Exception {
        long published = counters.publishedEvents();
        tangle.down(true);
        try {
            outbox.append(DataEvents.json(List.of(MeterTelegrams.reading(1)), System.currentTimeMillis()));
            PtyPair.await(() -> check(live, "outbox-drain").path("status").asText().equals("DOWN"), PATIENCE,
                    "health to show the outbox drain failing");
            assertThat(check(live, "outbox-drain").path("data").path("problem").asText()).contains("node down (test)");
            assertThat(publisher.queued()).isEqualTo(1);
        } finally {
            tangle.down(false);
        }
        PtyPair.await(() -> publisher.queued() == 0 && counters.publishedEvents() == published + 1, PATIENCE,
                "the queued event to be published");
        PtyPair.await(() -> check(live, "outbox-drain").path("status").asText().equals("UP"), PATIENCE, "the drain to be well");
        assertThat(check(ready, "node").path("status").asText()).isEqualTo("UP");
        assertThat(check(ready, "node").path("data").path("lastAttachMillis").isNumber()).isTrue();
    }

    /** One named check from a health endpoint (its status code is 503 while any is down, so the body is read either way). */
    private static JsonNode check(URI endpoint, String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode c : JSON.readTree(r.body()).path("checks"))
            if (c.path("name").asText().equals(name)) return c;
        throw new AssertionError("no check " + name + " in " + r.body());
    }
}
