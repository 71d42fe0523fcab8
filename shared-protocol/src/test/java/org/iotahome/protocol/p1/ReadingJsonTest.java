package org.iotahome.protocol.p1;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadingJsonTest {

    private static final List<String> NAMES = Telegrams.ALL;
    /** The property names of p1-reading.schema.json. */
    private static final Set<String> SCHEMA_FIELDS = Set.of("version", "header", "crcValid", "equipmentId",
            "meterTime", "importedKwh", "exportedKwh", "activeTariff", "powerImportKw", "powerExportKw",
            "powerFailures", "longPowerFailures", "phases", "gas", "mbus", "capacity", "messages", "voltageSags",
            "voltageSwells", "meterChanged", "obis");

    private static Parsed parse(String name) {
        return new ReadingDecoder().feed(Telegrams.wireBytes(name)).get(0);
    }

    @Test
    void writesASmallReadingExactly() {
        String body = "/ISK5 test\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(230702120000S)\r\n1-0:1.8.1(000010.500*kWh)\r\n"
                + "1-0:31.7.0(002*A)\r\n0-1:24.1.0(003)\r\n0-1:24.2.1(230702115500S)(00042.000*m3)\r\n!";
        Parsed p = new ReadingDecoder().feed(Telegrams.bytes(Telegrams.withCrc(body))).get(0);
        assertThat(ReadingJson.line(p)).isEqualTo("{\"version\":\"5.0\",\"header\":\"ISK5 test\",\"crcValid\":true,"
                + "\"meterTime\":\"2023-07-02T12:00:00+02:00\",\"importedKwh\":{\"tariff1\":10.5},"
                + "\"phases\":[{\"currentA\":2.0}],\"gas\":{\"m3\":42.0,\"time\":\"2023-07-02T11:55:00+02:00\",\"channel\":1},"
                + "\"mbus\":[{\"channel\":1,\"deviceType\":3,\"value\":42.0,\"unit\":\"m3\",\"time\":\"2023-07-02T11:55:00+02:00\"}],"
                + "\"obis\":{\"1-3:0.2.8\":\"(50)\",\"0-0:1.0.0\":\"(230702120000S)\",\"1-0:1.8.1\":\"(000010.500*kWh)\","
                + "\"1-0:31.7.0\":\"(002*A)\",\"0-1:24.1.0\":\"(003)\",\"0-1:24.2.1\":\"(230702115500S)(00042.000*m3)\"}}");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void writesOnlySchemaFieldsAndNoNullsButCrcValidFor22(String name) throws Exception {
        JsonNode json = ReadingJson.mapper().readTree(ReadingJson.line(parse(name)));
        json.fieldNames().forEachRemaining(f -> assertThat(SCHEMA_FIELDS).contains(f));
        assertThat(json.get("version").isTextual()).isTrue();
        assertThat(json.has("crcValid")).isTrue();
        assertThat(json.get("crcValid").isNull()).isEqualTo(name.equals("dsmr-2.2"));
        json.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("crcValid")) assertThat(e.getValue().isNull()).as(e.getKey()).isFalse();
        });
        assertThat(json.toString().replace("\"crcValid\":null", "")).doesNotContain("null");
        assertThat(json.get("obis").size()).isEqualTo(((Reading) parse(name)).obis().size());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void readsBackWhatItWrote(String name) {
        Reading r = (Reading) parse(name);
        assertThat(ReadingJson.read(ReadingJson.line(r))).isEqualTo(r);
    }

    @Test
    void writesARejectionAsReasonAndDetail() {
        Rejected r = new Rejected(Rejected.Reason.CRC, "says \"EF2F\", gives E47C", 12);
        assertThat(ReadingJson.line(r)).isEqualTo("{\"rejected\":\"crc\",\"detail\":\"says \\\"EF2F\\\", gives E47C\"}");
    }

    @Test
    void refusesJsonThatIsNoReading() {
        assertThatThrownBy(() -> ReadingJson.read("{\"obis\":{}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1 reading");
    }
}
