package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iotahome.protocol.p1.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A meter swapped while the device was off is still marked on its first reading (issue 14, item 5). */
class MeterSeriesFileTest {

    @TempDir
    Path dir;

    private static Reading reading(String equipmentId) {
        return new Reading("5.0", "ISK5\\2M550T-1012", true, equipmentId, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void marksTheFirstReadingOfAMeterSwappedAcrossARestart() throws Exception {
        Path file = dir.resolve("meter-series");
        MeterSeriesFile before = MeterSeriesFile.open(file);
        assertThat(before.place(reading("E0044007382246019")).meterChanged()).as("the first meter ever").isNull();
        assertThat(before.place(reading("E0044007382246019")).meterChanged()).isNull();
        assertThat(Files.readString(file).strip()).isEqualTo("E0044007382246019");

        MeterSeriesFile after = MeterSeriesFile.open(file);          // the device restarted with a new meter
        assertThat(after.place(reading("G0039001936990619")).meterChanged()).isTrue();
        assertThat(after.place(reading("G0039001936990619")).meterChanged()).isNull();
        assertThat(after.place(reading(null)).meterChanged()).as("a reading without id changes nothing").isNull();
        assertThat(MeterSeriesFile.open(file).place(reading("G0039001936990619")).meterChanged()).isNull();
    }

    @Test
    void telegramReadingsPlaceEachReadingInTheSeries() {
        TelegramReadings readings = new TelegramReadings(new org.iotahome.protocol.p1.TelegramParser(),
                java.time.Clock.systemUTC(), MeterSeriesFile.open(dir.resolve("meter-series")));
        assertThat(readings.read(MeterTelegrams.dsmr5(1)).get(0).reading().meterChanged()).isNull();
        assertThat(dir.resolve("meter-series")).exists();
    }
}
