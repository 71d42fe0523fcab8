package org.iotahome.provider.readings;

import org.iotahome.protocol.event.RotatedKeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.DataReadings;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.database.Roots;
import org.iotahome.provider.flow.FreshDataDir;
import org.iotahome.provider.inbox.GrantStore;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.iotahome.provider.health.FollowerStatus;

/** PROTOCOL.md §7: the provider stores DATA in either form and skips one it cannot read. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class GrantFollowerDataFormsTest {

    private static final String DEVICE = Roots.random();
    private static final SideKey KEY = new SideKey("SIDEKEY");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GrantFollower follower(ReadingStore readings, GrantStore grants) {
        InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
        return new GrantFollower(new TangleMessageTransport(tangle, "IOTAHOME9PROVIDER", System::currentTimeMillis, Duration.ofSeconds(5)),
                Runnable::run, new GrantFollower.Settings(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)), new FollowerPositions(),
                RotatedKeys.provider(new Address("M".repeat(81)), new EnvelopeOpener(EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()))),
                ReadingsInto.store(readings), grants, new FollowerStatus(Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    private static ChannelMessage at(char root, String json) {
        return new ChannelMessage(String.valueOf(root).repeat(81), 0, AsciiTrytes.toTrytes(json), "N".repeat(81), KEY);
    }

    private static List<JsonNode> readings(int from, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = from; i < from + n; i++)
            out.add(JSON.createObjectNode().put("timestamp", "2026-12-04T03:50:" + (10 + i % 50) + "+01:00").put("electricityDelivered", 1000.0 + i));
        return out;
    }

    @Test
    void storesPlainAndGzippedDataAndSkipsACorruptReadingsGzThenGoesOn() {
        ReadingStore store = new ReadingStore();
        GrantStore grants = new GrantStore(Clock.systemUTC());
        Grant grant = new Grant(DEVICE, KEY, "C".repeat(81), KEY, 1, Grant.Status.ACTIVE);
        GrantFollower follower = follower(store, grants);
        String head = "{\"v\":1,\"type\":\"DATA\",\"timestamp\":1,\"raw\":\"/TEST5\\r\\n!0000\\r\\n\",";
        // the readings carry no meterTime: each is taken at its event's time, and newest() orders by that
        String later = head.replace("\"timestamp\":1,", "\"timestamp\":3,");

        String plain = head + "\"readings\":" + DataReadings.plainJson(readings(0, 2)) + "}";
        String gz = EventCodec.write(new Data(2, "/TEST5\r\n!0000\r\n", readings(2, 30)));
        String good = DataReadings.gzip(readings(0, 3));
        String corrupt = head + "\"readingsGz\":\"" + good.substring(0, 12) + "AAAA" + good.substring(16) + "\"}";
        String after = later + "\"readingsGz\":\"" + DataReadings.gzip(readings(32, 3)) + "\"}";
        assertThat(gz).contains("\"readingsGz\":");

        assertThat(follower.handle(grant, at('A', plain)).await().indefinitely().kind()).isEqualTo(Outcome.Kind.STORED);
        assertThat(follower.handle(grant, at('B', gz)).await().indefinitely().kind()).isEqualTo(Outcome.Kind.STORED);
        assertThat(follower.handle(grant, at('C', corrupt)).await().indefinitely().kind()).isEqualTo(Outcome.Kind.SKIPPED);
        assertThat(follower.handle(grant, at('E', after)).await().indefinitely().kind()).isEqualTo(Outcome.Kind.STORED);

        assertThat(store.count(DEVICE)).isEqualTo(35);
        assertThat(store.newest(DEVICE, 35)).extracting(r -> r.get("electricityDelivered").asDouble())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 35).map(i -> 34 - i).mapToObj(i -> 1000.0 + i).toList());
    }
}
