package org.iotahome.protocol.p1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one telegram's OBIS objects into the fields of {@code p1-reading.schema.json}. OBIS
 * codes from DSMR P1 companion standard 5.0.2 (also in 4.0.7/4.2.2), 2.2, e-MUCS H.
 */
final class ReadingBuilder {

    private static final int VOLTAGE = 0, CURRENT = 1, IMPORT = 2, EXPORT = 3;

    private final ObisMap obis = new ObisMap();
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
    private record MbusReading(int channel, String time, double value, String unit) {
    }

    /** Device type per M-bus channel, -1 while unknown. */
    private final int[] deviceTypes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

    /** One OBIS object: its code, its raw text, and that text as {@code b[from, to)}, starting at '('. */
    void accept(String code, String raw, byte[] b, int from, int to) {
        obis.add(code, raw);
        switch (code) {
            case "1-3:0.2.8" -> dsmrVersion = dsmrVersion(firstText(b, from, to));
            case "0-0:96.1.4" -> belgianVersion = firstText(b, from, to);
            case "0-0:96.1.1" -> equipmentId = ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
            case "0-0:1.0.0" -> meterTime = ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
            case "1-0:1.8.1" -> import1 = first(b, from, to);
            case "1-0:1.8.2" -> import2 = first(b, from, to);
            case "1-0:2.8.1" -> export1 = first(b, from, to);
            case "1-0:2.8.2" -> export2 = first(b, from, to);
            case "0-0:96.14.0" -> activeTariff = firstInteger(b, from, to);
            case "1-0:1.7.0" -> powerImport = first(b, from, to);
            case "1-0:2.7.0" -> powerExport = first(b, from, to);
            case "0-0:96.7.21" -> powerFailures = firstInteger(b, from, to);
            case "0-0:96.7.9" -> longPowerFailures = firstInteger(b, from, to);
            case "1-0:32.7.0" -> phase(0, VOLTAGE, b, from, to);
            case "1-0:52.7.0" -> phase(1, VOLTAGE, b, from, to);
            case "1-0:72.7.0" -> phase(2, VOLTAGE, b, from, to);
            case "1-0:31.7.0" -> phase(0, CURRENT, b, from, to);
            case "1-0:51.7.0" -> phase(1, CURRENT, b, from, to);
            case "1-0:71.7.0" -> phase(2, CURRENT, b, from, to);
            case "1-0:21.7.0" -> phase(0, IMPORT, b, from, to);
            case "1-0:41.7.0" -> phase(1, IMPORT, b, from, to);
            case "1-0:61.7.0" -> phase(2, IMPORT, b, from, to);
            case "1-0:22.7.0" -> phase(0, EXPORT, b, from, to);
            case "1-0:42.7.0" -> phase(1, EXPORT, b, from, to);
            case "1-0:62.7.0" -> phase(2, EXPORT, b, from, to);
            default -> mbus(code, b, from, to);
        }
    }

    /** M-bus channels 0-1..0-4 (up to 0-15): device type 24.1.0, readings 24.2.1 (4/5), 24.2.3 (BE), 24.3.0 (2.2). */
    private void mbus(String code, byte[] b, int from, int to) {
        int n = code.length();
        if (n < 10 || n > 11 || code.charAt(0) != '0' || code.charAt(1) != '-' || code.charAt(n - 7) != ':'
                || !code.startsWith("24.", n - 6)) return;
        int channel = code.charAt(2) - '0';
        if (n == 11) channel = channel * 10 + code.charAt(3) - '0';
        if (channel < 0 || channel >= deviceTypes.length) return;
        if (code.endsWith("24.1.0")) {
            Integer type = firstInteger(b, from, to);
            if (type != null && deviceTypes[channel] < 0) deviceTypes[channel] = type;
        } else if (code.endsWith("24.2.1") || code.endsWith("24.2.3")) {
            int v = ObisValues.valueStart(b, from, to, 1);
            if (v < 0) return;
            int ve = ObisValues.valueEnd(b, v, to);
            mbus.add(new MbusReading(channel, ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to)),
                    ObisValues.decimal(b, v, ve), ObisValues.unit(b, v, ve)));
        } else if (code.endsWith("24.3.0")) {
            // DSMR 2.2: (time)(status)(period)(count)(OBIS of the value)(unit) and, on the next line, (value)
            int groups = ObisValues.valueCount(b, from, to);
            if (groups < 2) return;
            int v = ObisValues.valueStart(b, from, to, groups - 1), ve = ObisValues.valueEnd(b, v, to);
            String unit;
            if (groups >= 7) {
                int u = ObisValues.valueStart(b, from, to, 5);
                unit = ObisValues.text(b, u, ObisValues.valueEnd(b, u, to));
            } else {
                unit = ObisValues.unit(b, v, ve);
            }
            mbus.add(new MbusReading(channel, ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to)),
                    ObisValues.decimal(b, v, ve), unit));
        }
    }

    private static final int GAS = 3;   // M-bus device type of a gas meter (EN 13757-3)

    /** The gas meter: the channel whose device type says gas, else the first untyped one reading m3. */
    private Reading.Gas gas() {
        MbusReading chosen = null;
        for (MbusReading r : mbus) {
            if (Double.isNaN(r.value())) continue;
            int type = deviceTypes[r.channel()];
            if (type == GAS) { chosen = r; break; }
            if (chosen == null && type < 0 && (r.unit() == null || r.unit().equalsIgnoreCase("m3"))) chosen = r;
        }
        return chosen == null ? null : new Reading.Gas(chosen.value(), chosen.time());
    }

    private void phase(int phase, int quantity, byte[] b, int from, int to) {
        if (phases[phase] == null) {
            phases[phase] = new double[4];
            Arrays.fill(phases[phase], Double.NaN);
        }
        phases[phase][quantity] = first(b, from, to);
    }

    /** The first value of an object whose raw text {@code b[from, to)} starts with '('. */
    private static double first(byte[] b, int from, int to) {
        return ObisValues.decimal(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
    }

    private static Integer firstInteger(byte[] b, int from, int to) {
        return ObisValues.integer(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
    }

    private static String firstText(byte[] b, int from, int to) {
        return ObisValues.text(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
    }

    /** 1-3:0.2.8 holds 50, 42, 40: version 5.0, 4.2, 4.0. */
    private static String dsmrVersion(String value) {
        String v = value;
        if (v.isEmpty()) return null;
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
