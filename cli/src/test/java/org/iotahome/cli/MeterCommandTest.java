package org.iotahome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotahome.protocol.p1.Parsed;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.ReadingDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated meter writes what a real DSMR 5.0 meter sends: telegrams our own framer accepts. */
class MeterCommandTest {

    @Test
    void everySimulatedTelegramIsAValidDsmr5ReadingWithCountersThatOnlyGoUp(@TempDir Path dir) throws Exception {
        Path port = dir.resolve("p1");
        int exit = IotahomeCli.commandLine().execute("meter", "--port", port.toString(), "--count", "5", "--interval-ms", "0");
        assertThat(exit).isZero();

        List<Parsed> parsed = new ReadingDecoder().feed(Files.readAllBytes(port));
        assertThat(parsed).hasSize(5).allSatisfy(p -> assertThat(p).isInstanceOf(Reading.class));
        String json = org.iotahome.protocol.p1.ReadingJson.line(parsed.get(0));
        assertThat(json).contains("\"version\":\"5.0\"", "\"crcValid\":true", "\"gas\"", "\"phases\"");
        double previous = 0;
        for (Parsed p : parsed) {
            var imported = new com.fasterxml.jackson.databind.ObjectMapper().readTree(org.iotahome.protocol.p1.ReadingJson.line(p))
                    .get("importedKwh");
            double total = imported.get("tariff1").asDouble() + imported.get("tariff2").asDouble();
            assertThat(total).isGreaterThanOrEqualTo(previous);
            previous = total;
        }
    }

    @Test
    void aPortThatCannotBeWrittenIsAClearError(@TempDir Path dir) {
        int exit = IotahomeCli.commandLine().execute("meter", "--port", dir.resolve("no/such/dir/p1").toString(), "--count", "1");
        assertThat(exit).isEqualTo(2);
    }
}
