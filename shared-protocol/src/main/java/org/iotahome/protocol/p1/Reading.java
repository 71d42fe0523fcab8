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
        List<Mbus> mbus,
        Capacity capacity,
        Messages messages,
        List<Integer> voltageSags,
        List<Integer> voltageSwells,
        Boolean meterChanged,
        Map<String, String> obis) implements Parsed {

    public Reading {
        if (version == null || version.isBlank()) throw new IllegalArgumentException("a reading needs a version");
        if (obis == null) throw new IllegalArgumentException("a reading keeps its OBIS lines; got null");
        phases = phases == null ? null : List.copyOf(phases);
        if (phases != null && phases.size() > 3)
            throw new IllegalArgumentException("at most 3 phases (L1, L2, L3), got " + phases.size());
        mbus = mbus == null ? null : List.copyOf(mbus);
        voltageSags = threeAtMost("voltageSags", voltageSags);
        voltageSwells = threeAtMost("voltageSwells", voltageSwells);
        if (Boolean.FALSE.equals(meterChanged)) meterChanged = null;   // the schema: true or absent
        obis = ObisMap.readOnly(obis);
    }

    private static List<Integer> threeAtMost(String name, List<Integer> perPhase) {
        if (perPhase == null) return null;
        if (perPhase.size() > 3) throw new IllegalArgumentException(name + ": at most 3 phases, got " + perPhase.size());
        return List.copyOf(perPhase);
    }

    /** This reading marked as the first of a new meter's series (or not): all else unchanged. */
    public Reading withMeterChanged(boolean changed) {
        return new Reading(version, header, crcValid, equipmentId, meterTime, importedKwh, exportedKwh, activeTariff,
                powerImportKw, powerExportKw, powerFailures, longPowerFailures, phases, gas, mbus, capacity, messages,
                voltageSags, voltageSwells, changed, obis);
    }

    /** Tariff registers 1..4 in kWh (1-0:1.8.1..1.8.4, 1-0:2.8.1..2.8.4) and the total (x.8.0). */
    @JsonInclude(Include.NON_NULL)
    public record Tariffs(Double tariff1, Double tariff2, Double tariff3, Double tariff4, Double total) {
        /** The two Dutch tariffs, nothing else. */
        public Tariffs(Double tariff1, Double tariff2) {
            this(tariff1, tariff2, null, null, null);
        }
    }

    /** One phase's instantaneous values; L1, L2, L3 in order. */
    @JsonInclude(Include.NON_NULL)
    public record Phase(Double voltageV, Double currentA, Double powerImportKw, Double powerExportKw) {
    }

    /** The gas meter on an M-bus channel: its last reading in m3, when the meter took it, where it is. */
    @JsonInclude(Include.NON_NULL)
    public record Gas(Double m3, String time, Integer channel, String equipmentId) {
        public Gas(Double m3, String time) {
            this(m3, time, null, null);
        }
    }

    /** A live M-bus device (gas, water, heat, ...) on channel 0-n. */
    @JsonInclude(Include.NON_NULL)
    public record Mbus(int channel, Integer deviceType, String equipmentId, Double value, String unit, String time) {
        public Mbus {
            if (channel < 1) throw new IllegalArgumentException("M-bus channels are 1 and up, got " + channel);
        }
    }

    /** Belgian capacity tariff: this quarter hour's average demand, this month's peak, earlier months' peaks. */
    @JsonInclude(Include.NON_NULL)
    public record Capacity(Double quarterHourAverageKw, Double monthPeakKw, String monthPeakTime, List<Peak> history) {
        public Capacity {
            history = history == null ? null : List.copyOf(history);
        }
    }

    /** One earlier month's peak demand (0-0:98.1.0). */
    @JsonInclude(Include.NON_NULL)
    public record Peak(String month, Double peakKw, String peakTime) {
    }

    /** The meter's text message and message code, decoded from hex. */
    @JsonInclude(Include.NON_NULL)
    public record Messages(String text, String code) {
    }
}
