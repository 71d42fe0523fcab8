package org.iotahome.protocol.p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import java.util.List;
import java.util.Map;

/**
 * One parsed telegram, shaped as {@code p1-reading.schema.json}: field names as there, numbers in
 * the unit the name says, a field the telegram does not carry is null here and absent in JSON.
 * Only {@code crcValid} is written as null: a DSMR 2.2 telegram carries no CRC.
 */
@JsonInclude(Include.NON_NULL)
public record Reading(
        String version,
        String header,
        @JsonInclude(Include.ALWAYS) Boolean crcValid,
        String equipmentId,
        String meterTime,
        Tariffs importedKwh,
        Tariffs exportedKwh,
        Integer activeTariff,
        Double powerImportKw,
        Double powerExportKw,
        Integer powerFailures,
        Integer longPowerFailures,
        List<Phase> phases,
        Gas gas,
        Map<String, String> obis) implements Parsed {

    public Reading {
        if (version == null || version.isBlank()) throw new IllegalArgumentException("a reading needs a version");
        if (obis == null) throw new IllegalArgumentException("a reading keeps its OBIS lines; got null");
        phases = phases == null ? null : List.copyOf(phases);
        if (phases != null && phases.size() > 3)
            throw new IllegalArgumentException("at most 3 phases (L1, L2, L3), got " + phases.size());
        obis = ObisMap.readOnly(obis);
    }

    /** Tariff 1 and tariff 2 registers in kWh (1-0:1.8.1/1.8.2, 1-0:2.8.1/2.8.2). */
    @JsonInclude(Include.NON_NULL)
    public record Tariffs(Double tariff1, Double tariff2) {
    }

    /** One phase's instantaneous values; L1, L2, L3 in order. */
    @JsonInclude(Include.NON_NULL)
    public record Phase(Double voltageV, Double currentA, Double powerImportKw, Double powerExportKw) {
    }

    /** The gas meter on an M-bus channel: its last reading in m3 and when the meter took it. */
    @JsonInclude(Include.NON_NULL)
    public record Gas(Double m3, String time) {
    }
}
