package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotahome.protocol.event.Data;
import org.iotahome.provider.database.Roots;
import org.iotahome.provider.flow.FreshDataDir;
import org.junit.jupiter.api.Test;

/** The readings' part of the store contract, on H2; {@link ReadingStoreOnPostgresTest} runs it on PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ReadingStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Data data(long timestamp, double... values) {
        List<JsonNode> readings = java.util.Arrays.stream(values).<JsonNode>mapToObj(v -> JSON.createObjectNode().put("value", v)).toList();
        return new Data(timestamp, "raw", readings);
    }

    private static List<Double> values(List<JsonNode> readings) {
        return readings.stream().map(r -> r.get("value").asDouble()).toList();
    }

    @Test
    void newestReadingsComeNewestFirstAcrossEvents() {
        String device = Roots.random();
        ReadingStore store = new ReadingStore();
        assertThat(store.append(device, Roots.random(), data(1_700_000_000_000L, 1, 2))).isTrue();
        assertThat(store.append(device, Roots.random(), data(1_700_000_010_000L, 3))).isTrue();
        assertThat(values(store.newest(device, 2))).containsExactly(3.0, 2.0);
        assertThat(values(store.newest(device, 10))).containsExactly(3.0, 2.0, 1.0);
        assertThat(store.count(device)).isEqualTo(3);
    }

    @Test
    void anEventRepeatedAfterARestartIsNotStoredTwice() {
        String device = Roots.random();
        String first = Roots.random();
        new ReadingStore().append(device, first, data(1, 1, 2));
        ReadingStore restarted = new ReadingStore();
        // The follower had not saved its position: the same message comes again.
        assertThat(restarted.append(device, first, data(1, 1, 2))).isFalse();
        assertThat(restarted.append(device, Roots.random(), data(2, 3))).isTrue();
        assertThat(values(new ReadingStore().newest(device, 10))).containsExactly(3.0, 2.0, 1.0);
        assertThat(restarted.count(device)).isEqualTo(3);
    }

    @Test
    void theSameEventsStoredByTwoReplicasAtOnceAreStoredOnceEach() throws Exception {
        String device = Roots.random();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) events.add(Roots.random());
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> stored = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int r = 0; r < 2; r++) {
                ReadingStore replica = new ReadingStore();
                Callable<Integer> follow = () -> {
                    go.await();
                    int n = 0;
                    for (int i = 0; i < events.size(); i++) if (replica.append(device, events.get(i), data(i + 1, i, i + 0.5))) n++;
                    return n;
                };
                stored.add(replicas.submit(follow));
            }
            go.countDown();
            assertThat(stored.get(0).get() + stored.get(1).get()).isEqualTo(events.size());
        } finally {
            replicas.shutdownNow();
        }
        assertThat(new ReadingStore().count(device)).isEqualTo(2 * events.size());
        assertThat(new ReadingStore().newest(device, 1000)).hasSize(2 * events.size());
    }

    @Test
    void channelsAreKeptApartAndAnEmptyEventStoresNothing() {
        String device = Roots.random();
        String other = Roots.random();
        ReadingStore store = new ReadingStore();
        store.append(device, Roots.random(), data(1, 1));
        assertThat(store.append(device, Roots.random(), data(2))).isFalse();
        assertThat(store.count(device)).isEqualTo(1);
        assertThat(store.count(other)).isZero();
        assertThat(store.newest(other, 5)).isEmpty();
        assertThat(store.newest(device, 0)).isEmpty();
    }

    @Test
    void aReadingIsKeptWholeAsItsJson() throws Exception {
        String device = Roots.random();
        JsonNode reading = JSON.readTree("{\"version\":\"5.0\",\"crcValid\":true,\"meterTime\":\"2026-12-04T03:50:10+01:00\","
                + "\"importedKwh\":{\"tariff1\":1234.5,\"tariff2\":10.25},\"obis\":{\"1-0:1.8.1\":\"001234.500*kWh\"}}");
        new ReadingStore().append(device, Roots.random(), new Data(1, "raw", List.of(reading)));
        assertThat(new ReadingStore().newest(device, 1)).containsExactly(reading);
    }
}
