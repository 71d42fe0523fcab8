package org.iotahome.protocol.p1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one telegram's OBIS objects into the fields of {@code p1-reading.schema.json}. OBIS
 * codes from DSMR P1 companion standard 5.0.2 §6.12 (also in 4.0.7/4.2.2), 2.2 §6.1, e-MUCS H §7.
 */
final class ReadingBuilder {

    private static final int VOLTAGE = 0, CURRENT = 1, IMPORT = 2, EXPORT = 3;

    private final Map<String, String> obis = new LinkedHashMap<>(64);
    private String dsmrVersion;
    private String belgianVersion;
    private String equipmentId;
    private String meterTime;
    private double import1 = Double.NaN, import2 = Double.NaN, export1 = Double.NaN, export2 = Double.NaN;
    private double powerImport = Double.NaN, powerExport = Double.NaN;
    private Integer activeTariff, powerFailures, longPowerFailures;
    private final double[][] phases = new double[3][];
    private final List<MbusReading> mbus = new ArrayList<>(2);

    /** A value from an M-bus channel 0-n:24.x: the gas meter is one of them. */
    private record MbusReading(String channel, String time, double value, String unit) {
    }

    private final Map<String, Integer> deviceTypes = new LinkedHashMap<>(4);

    void accept(String code, String raw) {
        obis.put(code, raw);
        switch (code) {
            case "1-3:0.2.8" -> dsmrVersion = dsmrVersion(ObisValues.group(raw, 0));
            case "0-0:96.1.4" -> belgianVersion = trimmed(ObisValues.group(raw, 0));
            case "0-0:96.1.1" -> equipmentId = ObisValues.hexText(ObisValues.group(raw, 0));
            case "0-0:1.0.0" -> meterTime = ObisValues.timestamp(ObisValues.group(raw, 0));
            case "1-0:1.8.1" -> import1 = first(raw);
            case "1-0:1.8.2" -> import2 = first(raw);
            case "1-0:2.8.1" -> export1 = first(raw);
            case "1-0:2.8.2" -> export2 = first(raw);
            case "0-0:96.14.0" -> activeTariff = ObisValues.integer(ObisValues.group(raw, 0));
            case "1-0:1.7.0" -> powerImport = first(raw);
            case "1-0:2.7.0" -> powerExport = first(raw);
            case "0-0:96.7.21" -> powerFailures = ObisValues.integer(ObisValues.group(raw, 0));
            case "0-0:96.7.9" -> longPowerFailures = ObisValues.integer(ObisValues.group(raw, 0));
            case "1-0:32.7.0" -> phase(0, VOLTAGE, raw);
            case "1-0:52.7.0" -> phase(1, VOLTAGE, raw);
            case "1-0:72.7.0" -> phase(2, VOLTAGE, raw);
            case "1-0:31.7.0" -> phase(0, CURRENT, raw);
            case "1-0:51.7.0" -> phase(1, CURRENT, raw);
            case "1-0:71.7.0" -> phase(2, CURRENT, raw);
            case "1-0:21.7.0" -> phase(0, IMPORT, raw);
            case "1-0:41.7.0" -> phase(1, IMPORT, raw);
            case "1-0:61.7.0" -> phase(2, IMPORT, raw);
            case "1-0:22.7.0" -> phase(0, EXPORT, raw);
            case "1-0:42.7.0" -> phase(1, EXPORT, raw);
            case "1-0:62.7.0" -> phase(2, EXPORT, raw);
            default -> mbus(code, raw);
        }
    }

    /** M-bus channels 0-1..0-4: device type 24.1.0, readings 24.2.1 (4/5), 24.2.3 (BE), 24.3.0 (2.2). */
    private void mbus(String code, String raw) {
        if (!code.startsWith("0-") || code.indexOf(':') < 0) return;
        String channel = code.substring(0, code.indexOf(':'));
        String object = code.substring(code.indexOf(':') + 1);
        switch (object) {
            case "24.1.0" -> {
                Integer type = ObisValues.integer(ObisValues.group(raw, 0));
                if (type != null) deviceTypes.putIfAbsent(channel, type);
            }
            case "24.2.1", "24.2.3" -> {
                String value = ObisValues.group(raw, 1);
                mbus.add(new MbusReading(channel, ObisValues.timestamp(ObisValues.group(raw, 0)),
                        ObisValues.decimal(value), value == null ? null : ObisValues.unit(value)));
            }
            case "24.3.0" -> {
                // DSMR 2.2: (time)(status)(period)(count)(OBIS of the value)(unit) and, on the next line, (value)
                int groups = ObisValues.groupCount(raw);
                if (groups < 2) return;
                String value = ObisValues.group(raw, groups - 1);
                String unit = groups >= 7 ? ObisValues.group(raw, 5) : ObisValues.unit(value);
                mbus.add(new MbusReading(channel, ObisValues.timestamp(ObisValues.group(raw, 0)),
                        ObisValues.decimal(value), unit == null ? null : unit.trim()));
            }
            default -> { }
        }
    }

    private static final int GAS = 3;   // M-bus device type of a gas meter (EN 13757-3)

    /** The gas meter: the channel whose device type says gas, else the first one reading m3. */
    private Reading.Gas gas() {
        MbusReading chosen = null;
        for (MbusReading r : mbus) {
            if (Double.isNaN(r.value())) continue;
            Integer type = deviceTypes.get(r.channel());
            if (type != null && type == GAS) { chosen = r; break; }
            if (chosen == null && type == null && (r.unit() == null || r.unit().equalsIgnoreCase("m3"))) chosen = r;
        }
        return chosen == null ? null : new Reading.Gas(chosen.value(), chosen.time());
    }

    private void phase(int phase, int quantity, String raw) {
        if (phases[phase] == null) {
            phases[phase] = new double[4];
            Arrays.fill(phases[phase], Double.NaN);
        }
        phases[phase][quantity] = first(raw);
    }

    private static double first(String raw) {
        return ObisValues.decimal(ObisValues.group(raw, 0));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    /** 1-3:0.2.8 holds 50, 42, 40: version 5.0, 4.2, 4.0. */
    private static String dsmrVersion(String value) {
        String v = trimmed(value);
        if (v == null || v.isEmpty()) return null;
        return v.length() == 2 && Character.isDigit(v.charAt(0)) && Character.isDigit(v.charAt(1))
                ? v.charAt(0) + "." + v.charAt(1) : v;
    }

    /** "fluvius-" + 0-0:96.1.4 on Belgian meters, "5.0"/"4.2"/"4.0" from 1-3:0.2.8, else "2.2". */
    String version() {
        if (belgianVersion != null && !belgianVersion.isEmpty()) return "fluvius-" + belgianVersion;
        return dsmrVersion != null ? dsmrVersion : "2.2";
    }

    /** DSMR 4+ and Belgian telegrams end with a CRC16; 2.2 ones (no version line) do not. */
    boolean expectsCrc() {
        return !version().equals("2.2");
    }

    Reading build(String header, Boolean crcValid) {
        return new Reading(version(), header, crcValid, equipmentId, meterTime,
                tariffs(import1, import2), tariffs(export1, export2), activeTariff,
                boxed(powerImport), boxed(powerExport), powerFailures, longPowerFailures,
                phaseList(), gas(), obis);
    }

    private static Reading.Tariffs tariffs(double t1, double t2) {
        return Double.isNaN(t1) && Double.isNaN(t2) ? null : new Reading.Tariffs(boxed(t1), boxed(t2));
    }

    /** L1..L3 up to the last phase the telegram mentions; an unmentioned phase before it is empty. */
    private List<Reading.Phase> phaseList() {
        int last = phases[2] != null ? 3 : phases[1] != null ? 2 : phases[0] != null ? 1 : 0;
        if (last == 0) return null;
        List<Reading.Phase> list = new ArrayList<>(last);
        for (int p = 0; p < last; p++) {
            double[] q = phases[p];
            list.add(q == null ? new Reading.Phase(null, null, null, null)
                    : new Reading.Phase(boxed(q[VOLTAGE]), boxed(q[CURRENT]), boxed(q[IMPORT]), boxed(q[EXPORT])));
        }
        return list;
    }

    private static Double boxed(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
