package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.iotahome.protocol.event.Data;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "D".repeat(81);

    @TempDir
    Path dir;

    private static Data data(double... values) {
        List<JsonNode> readings = java.util.Arrays.stream(values).<JsonNode>mapToObj(v -> JSON.createObjectNode().put("value", v)).toList();
        return new Data(1_700_000_000_000L, "raw", readings);
    }

    private static List<Double> values(List<JsonNode> readings) {
        return readings.stream().map(r -> r.get("value").asDouble()).toList();
    }

    @Test
    void newestReadingsComeNewestFirstAcrossEvents() {
        ReadingStore store = new ReadingStore(dir);
        store.append(DEVICE, "A".repeat(81), data(1, 2));
        store.append(DEVICE, "B".repeat(81), data(3));
        assertThat(values(store.newest(DEVICE, 2))).containsExactly(3.0, 2.0);
        assertThat(values(store.newest(DEVICE, 10))).containsExactly(3.0, 2.0, 1.0);
        assertThat(store.count(DEVICE)).isEqualTo(3);
    }

    @Test
    void anEventRepeatedAfterARestartIsNotStoredTwice() {
        new ReadingStore(dir).append(DEVICE, "A".repeat(81), data(1));
        ReadingStore restarted = new ReadingStore(dir);
        // The follower had not saved its position: the same message comes again.
        assertThat(restarted.append(DEVICE, "A".repeat(81), data(1))).isFalse();
        assertThat(restarted.append(DEVICE, "B".repeat(81), data(2))).isTrue();
        assertThat(values(new ReadingStore(dir).newest(DEVICE, 10))).containsExactly(2.0, 1.0);
    }

    @Test
    void aLineTornByACrashIsCutOffAndItsEventStoredAgain() throws Exception {
        new ReadingStore(dir).append(DEVICE, "A".repeat(81), data(1));
        Files.writeString(dir.resolve(DEVICE + ".jsonl"), "{\"root\":\"BBB", StandardOpenOption.APPEND);
        ReadingStore restarted = new ReadingStore(dir);
        assertThat(restarted.count(DEVICE)).isEqualTo(1);
        assertThat(restarted.append(DEVICE, "B".repeat(81), data(2))).isTrue();
        assertThat(values(new ReadingStore(dir).newest(DEVICE, 10))).containsExactly(2.0, 1.0);
    }

    @Test
    void channelsAreKeptApart() {
        ReadingStore store = new ReadingStore(dir);
        store.append(DEVICE, "A".repeat(81), data(1));
        assertThat(store.count("E".repeat(81))).isZero();
        assertThat(store.newest("E".repeat(81), 5)).isEmpty();
    }
}
