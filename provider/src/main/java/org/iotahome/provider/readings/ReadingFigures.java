package org.iotahome.provider.readings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the dashboard draws from one reading (p1-reading.schema.json), each null when the meter
 * does not send it: power in kW, the energy totals in kWh (the {@code total} the meter sends, else
 * the sum of its tariffs), import power per phase L1..L3, and the gas total in m3. {@code meterMillis}
 * is the meter's time, or the DATA event's when the reading has none.
 */
public record ReadingFigures(long meterMillis, Double importKw, Double exportKw, Double importKwh, Double exportKwh, Double phase1ImportKw,
        Double phase2ImportKw, Double phase3ImportKw, Double gasM3) {

    private static final String[] TARIFFS = {"tariff1", "tariff2", "tariff3", "tariff4"};

    /** The figures of {@code reading}, taken at {@code eventMillis} (the DATA event's timestamp) unless it names its own time. */
    public static ReadingFigures of(JsonNode reading, long eventMillis) {
        JsonNode phases = reading.path("phases");
        return new ReadingFigures(MeterTime.parse(reading.path("meterTime").asText(null)).orElse(eventMillis),
                number(reading.path("powerImportKw")), number(reading.path("powerExportKw")), total(reading.path("importedKwh")),
                total(reading.path("exportedKwh")), number(phases.path(0).path("powerImportKw")), number(phases.path(1).path("powerImportKw")),
                number(phases.path(2).path("powerImportKw")), number(reading.path("gas").path("m3")));
    }

    private static Double total(JsonNode register) {
        Double total = number(register.path("total"));
        if (total != null) return total;
        Double sum = null;
        for (String tariff : TARIFFS) {
            Double v = number(register.path(tariff));
            if (v != null) sum = sum == null ? v : sum + v;
        }
        return sum;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
