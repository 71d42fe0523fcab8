package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDsmr5ReadingGivesPowerTariffSumsPhasesAndGas() throws Exception {
        ReadingFigures f = ReadingFigures.of(JSON.readTree("""
                {"version":"5.0","crcValid":true,"meterTime":"2026-12-04T03:50:10+01:00",
                 "importedKwh":{"tariff1":100.5,"tariff2":200.25},"exportedKwh":{"tariff1":1.0,"tariff2":2.0},
                 "powerImportKw":0.75,"powerExportKw":0.0,
                 "phases":[{"powerImportKw":0.25},{"powerImportKw":0.5},{"voltageV":230.1}],
                 "gas":{"m3":1234.567,"channel":1}}"""), 1);
        assertThat(f).isEqualTo(new ReadingFigures(Instant.parse("2026-12-04T02:50:10Z").toEpochMilli(), 0.75, 0.0, 300.75, 3.0, 0.25, 0.5,
                null, 1234.567));
    }

    @Test
    void aMetersTotalIsTakenAsItIsAndMissingFiguresAreNull() throws Exception {
        ReadingFigures f = ReadingFigures.of(JSON.readTree("{\"version\":\"smarty-42\",\"importedKwh\":{\"total\":42.5,\"tariff1\":1}}"), 7);
        assertThat(f).isEqualTo(new ReadingFigures(7, null, null, 42.5, null, null, null, null, null));
    }
}
