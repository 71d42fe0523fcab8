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

    private final ObisMap obis;
    private String dsmrVersion, rawDsmrVersion;
    private String belgianVersion;
    /** 0-0:42.0.0 came: Luxembourg Smarty names its meter there (so do Hungarian meters, without 1-3:0.2.8). */
    private boolean logicalName;
    private boolean iecSuffix;
    private String equipmentId;
    private String meterTime;
    /** Tariffs 1..4 then the total (index 0), for import and export. */
    private final double[] imported = nans(5), exported = nans(5);
    private double quarterHour = Double.NaN, monthPeak = Double.NaN;
    private String monthPeakTime;
    private List<Reading.Peak> history;
    private String messageText, messageCode;
    private final Integer[] sags = new Integer[3], swells = new Integer[3];
    private double powerImport = Double.NaN, powerExport = Double.NaN;
    private Integer activeTariff, powerFailures, longPowerFailures;
    private final double[][] phases = new double[3][];
    private final List<MbusReading> mbus = new ArrayList<>(2);

    /** A value from an M-bus channel 0-n:24.x: the gas meter is one of them. neverSet: time 000101/700101. */
    private record MbusReading(int channel, String time, boolean neverSet, double value, String unit) {
    }

    /** Device type per M-bus channel, -1 while unknown. */
    private final int[] deviceTypes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    /** Equipment id per M-bus channel (0-n:96.1.0), null while unknown. */
    private final String[] deviceIds = new String[16];

    /** The parser's table of texts meters repeat (versions, ids, units): one String each, not one per telegram. */
    private final SharedTexts shared;

    /**
     * @param telegram the telegram's text, which {@link #accept} spans point into
     * @param shared   the parser's table where repeated texts are looked up
     */
    ReadingBuilder(String telegram, SharedTexts shared) {
        this.obis = new ObisMap(telegram);
        this.shared = java.util.Objects.requireNonNull(shared, "shared");
    }

    private static double[] nans(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    /** An equipment id, or null when the meter sends none: empty, or all zeros (DSMR 2.2 "000000000000"). */
    private static String id(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) != 0 && text.charAt(i) != '0') return text;
        return null;
    }

    /** The code had IEC 62056-21's '*255' suffix (German EasyMeter Q3D): read as the code without it. */
    void sawIecSuffix() {
        iecSuffix = true;
    }

    /** One OBIS object whose raw text is the telegram's {@code b[from, to)}, starting at '('. */
    void accept(String code, byte[] b, int from, int to) {
        obis.add(code, from, to);
        values(code, b, from, to);
    }

    /** One OBIS object spread over lines (DSMR 2.2 gas): its raw text joined, as {@code raw}. */
    void accept(String code, String raw) {
        obis.add(code, raw);
        byte[] b = raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        values(code, b, 0, b.length);
    }

    private void values(String code, byte[] b, int from, int to) {
        // The lines every meter sends here; the rest in other(): a small method the JIT inlines.
        switch (code) {
            case "0-0:96.1.1" -> equipmentId = id(ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared));
            case "0-0:1.0.0" -> meterTime = ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
            case "1-0:1.8.1" -> imported[1] = first(b, from, to);
            case "1-0:1.8.2" -> imported[2] = first(b, from, to);
            case "1-0:2.8.1" -> exported[1] = first(b, from, to);
            case "1-0:2.8.2" -> exported[2] = first(b, from, to);
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
            default -> other(code, b, from, to);
        }
    }

    private void other(String code, byte[] b, int from, int to) {
        switch (code) {
            case "1-3:0.2.8" -> {
                rawDsmrVersion = firstText(b, from, to);
                dsmrVersion = dsmrVersion(rawDsmrVersion);
            }
            case "0-0:96.1.4" -> belgianVersion = firstText(b, from, to);
            case "0-0:42.0.0" -> {      // Luxembourg Smarty's logical device name: the equipment id there
                logicalName = true;
                if (equipmentId == null) equipmentId = id(ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared));
            }
            case "1-0:1.8.0" -> imported[0] = first(b, from, to);
            case "1-0:1.8.3" -> imported[3] = first(b, from, to);
            case "1-0:1.8.4" -> imported[4] = first(b, from, to);
            case "1-0:2.8.0" -> exported[0] = first(b, from, to);
            case "1-0:2.8.3" -> exported[3] = first(b, from, to);
            case "1-0:2.8.4" -> exported[4] = first(b, from, to);
            case "1-0:1.4.0" -> quarterHour = first(b, from, to);
            case "1-0:1.6.0" -> {
                int v = ObisValues.valueStart(b, from, to, 1);
                monthPeakTime = ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to));
                monthPeak = v < 0 ? first(b, from, to) : ObisValues.decimal(b, v, ObisValues.valueEnd(b, v, to));
            }
            case "0-0:98.1.0" -> history = peaks(b, from, to);
            case "0-0:96.13.0" -> messageText = ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared);
            case "0-0:96.13.1" -> messageCode = ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared);
            case "1-0:32.32.0" -> sags[0] = firstInteger(b, from, to);
            case "1-0:52.32.0" -> sags[1] = firstInteger(b, from, to);
            case "1-0:72.32.0" -> sags[2] = firstInteger(b, from, to);
            case "1-0:32.36.0" -> swells[0] = firstInteger(b, from, to);
            case "1-0:52.36.0" -> swells[1] = firstInteger(b, from, to);
            case "1-0:72.36.0" -> swells[2] = firstInteger(b, from, to);
            default -> mbus(code, b, from, to);
        }
    }

    /** M-bus channels 0-1..0-4 (up to 0-15): device type 24.1.0, readings 24.2.1 (4/5), 24.2.3 (BE), 24.3.0 (2.2). */
    private void mbus(String code, byte[] b, int from, int to) {
        int n = code.length();
        if (n < 10 || n > 11 || code.charAt(0) != '0' || code.charAt(1) != '-' || code.charAt(n - 7) != ':') return;
        boolean id = code.startsWith("96.1.0", n - 6) || code.startsWith("96.1.1", n - 6);   // BE: 96.1.1
        if (!id && !code.startsWith("24.", n - 6)) return;
        int channel = code.charAt(2) - '0';
        if (n == 11) channel = channel * 10 + code.charAt(3) - '0';
        if (channel < 1 || channel >= deviceTypes.length) return;
        if (id) {
            deviceIds[channel] = id(ObisValues.hexText(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared));
        } else if (code.endsWith("24.1.0")) {
            Integer type = firstInteger(b, from, to);
            if (type != null && deviceTypes[channel] < 0) deviceTypes[channel] = type;
        } else if (code.endsWith("24.2.1") || code.endsWith("24.2.3")) {
            int v = ObisValues.valueStart(b, from, to, 1);
            if (v < 0) return;
            int ve = ObisValues.valueEnd(b, v, to);
            mbus.add(new MbusReading(channel, ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to)),
                    ObisValues.neverSet(b, from + 1, to), ObisValues.decimal(b, v, ve), ObisValues.unit(b, v, ve, shared)));
        } else if (code.endsWith("24.3.0")) {
            // DSMR 2.2: (time)(status)(period)(count)(OBIS of the value)(unit) and, on the next line, (value)
            int groups = ObisValues.valueCount(b, from, to);
            if (groups < 2) return;
            int v = ObisValues.valueStart(b, from, to, groups - 1), ve = ObisValues.valueEnd(b, v, to);
            String unit;
            if (groups >= 7) {
                int u = ObisValues.valueStart(b, from, to, 5);
                unit = ObisValues.text(b, u, ObisValues.valueEnd(b, u, to), shared);
            } else {
                unit = ObisValues.unit(b, v, ve, shared);
            }
            mbus.add(new MbusReading(channel, ObisValues.timestamp(b, from + 1, ObisValues.valueEnd(b, from + 1, to)),
                    ObisValues.neverSet(b, from + 1, to), ObisValues.decimal(b, v, ve), unit));
        }
    }

    private static final int GAS = 3;   // M-bus device type of a gas meter (EN 13757-3)

    /**
     * An empty slot is no device: no value, a unitless 0, the never-set time (000101/700101), or a
     * 0 from a channel without equipment id. Meters keep such slots after a device is removed.
     */
    private boolean live(MbusReading r) {
        if (Double.isNaN(r.value()) || r.neverSet()) return false;
        if (r.value() == 0 && (r.unit() == null || r.unit().isEmpty() || deviceIds[r.channel()] == null)) return false;
        return true;
    }

    /** The gas meter: the live channel whose device type says gas, else the first untyped live one reading m3. */
    private Reading.Gas gas() {
        MbusReading chosen = null;
        for (MbusReading r : mbus) {
            if (!live(r)) continue;
            int type = deviceTypes[r.channel()];
            if (type == GAS) { chosen = r; break; }
            if (chosen == null && type < 0 && (r.unit() == null || r.unit().equalsIgnoreCase("m3"))) chosen = r;
        }
        return chosen == null ? null
                : new Reading.Gas(chosen.value(), chosen.time(), chosen.channel(), deviceIds[chosen.channel()]);
    }

    /** Every live M-bus device in channel order, the first reading of a channel only. */
    private List<Reading.Mbus> mbusList() {
        if (mbus.isEmpty()) return null;
        List<Reading.Mbus> list = new ArrayList<>(mbus.size());
        boolean[] seen = new boolean[deviceTypes.length];
        for (int channel = 1; channel < deviceTypes.length; channel++) {
            for (MbusReading r : mbus) {
                if (r.channel() != channel || seen[channel] || !live(r)) continue;
                seen[channel] = true;
                int type = deviceTypes[channel];
                list.add(new Reading.Mbus(channel, type < 0 ? null : type, deviceIds[channel], r.value(), r.unit(), r.time()));
            }
        }
        return list.isEmpty() ? null : list;
    }

    /** 0-0:98.1.0: (count)(code)(code) then (month)(peak time)(peak*kW) per earlier month. */
    private static List<Reading.Peak> peaks(byte[] b, int from, int to) {
        int groups = ObisValues.valueCount(b, from, to);
        // Only the Belgian layout names 1-0:1.6.0 second; Hungarian meters send a monthly register dump here.
        int c = ObisValues.valueStart(b, from, to, 1);
        if (c < 0 || !ObisValues.text(b, c, ObisValues.valueEnd(b, c, to)).equals("1-0:1.6.0")) return null;
        List<Reading.Peak> list = new ArrayList<>(Math.max(0, (groups - 3) / 3));
        for (int k = 3; k + 2 < groups; k += 3) {
            int m = ObisValues.valueStart(b, from, to, k), t = ObisValues.valueStart(b, from, to, k + 1),
                    v = ObisValues.valueStart(b, from, to, k + 2);
            double peak = ObisValues.decimal(b, v, ObisValues.valueEnd(b, v, to));
            list.add(new Reading.Peak(ObisValues.timestamp(b, m, ObisValues.valueEnd(b, m, to)),
                    Double.isNaN(peak) ? null : peak, ObisValues.timestamp(b, t, ObisValues.valueEnd(b, t, to))));
        }
        return list;
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
        return ObisValues.firstDecimal(b, from, to);
    }

    private static Integer firstInteger(byte[] b, int from, int to) {
        return ObisValues.integral(ObisValues.firstDecimal(b, from, to));
    }

    private String firstText(byte[] b, int from, int to) {
        return ObisValues.text(b, from + 1, ObisValues.valueEnd(b, from + 1, to), shared);
    }

    /** 1-3:0.2.8 holds 50, 42, 40: version 5.0, 4.2, 4.0. */
    private static String dsmrVersion(String value) {
        String v = value;
        if (v.isEmpty()) return null;
        return switch (v) {         // the versions in the field, without a new String per telegram
            case "50" -> "5.0";
            case "42" -> "4.2";
            case "40" -> "4.0";
            default -> v.length() == 2 && Character.isDigit(v.charAt(0)) && Character.isDigit(v.charAt(1))
                    ? v.charAt(0) + "." + v.charAt(1) : v;
        };
    }

    /**
     * The schema's version rule: "fluvius-" + 0-0:96.1.4 (Belgium); "smarty-" + 1-3:0.2.8 when
     * 0-0:42.0.0 names the meter (Luxembourg); "5.0"/"4.2"/"4.0" from 1-3:0.2.8; a telegram
     * without version line is Dutch 2.2 unless its codes end in '*255' or it carries a CRC
     * (no Dutch 2.2 meter does): then "iec62056-" + the header's manufacturer id.
     */
    String version(String header, boolean crcChecked) {
        if (belgianVersion != null && !belgianVersion.isEmpty()) return "fluvius-" + belgianVersion;
        if (logicalName && rawDsmrVersion != null) return "smarty-" + rawDsmrVersion;
        if (dsmrVersion != null) return dsmrVersion;
        if ((iecSuffix || crcChecked) && header != null && header.length() >= 3) return "iec62056-" + header.substring(0, 3);
        return "2.2";
    }

    /** DSMR 4+ and Belgian telegrams end with a CRC16; 2.2 and other IEC 62056-21 ones need not. */
    boolean expectsCrc() {
        return belgianVersion != null || dsmrVersion != null;
    }

    Reading build(String header, Boolean crcValid) {
        Reading.Capacity capacity = Double.isNaN(quarterHour) && Double.isNaN(monthPeak) && history == null ? null
                : new Reading.Capacity(boxed(quarterHour), boxed(monthPeak), monthPeakTime, history);
        Reading.Messages messages = empty(messageText) && empty(messageCode) ? null
                : new Reading.Messages(empty(messageText) ? null : messageText, empty(messageCode) ? null : messageCode);
        return new Reading(version(header, Boolean.TRUE.equals(crcValid)), header, crcValid, equipmentId, meterTime,
                tariffs(imported), tariffs(exported), activeTariff,
                boxed(powerImport), boxed(powerExport), powerFailures, longPowerFailures,
                phaseList(), gas(), mbusList(), capacity, messages, perPhase(sags), perPhase(swells), null, obis);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    /** L1.. up to the first phase the telegram does not mention. */
    private static List<Integer> perPhase(Integer[] counts) {
        int n = 0;
        while (n < 3 && counts[n] != null) n++;
        return switch (n) {
            case 0 -> null;
            case 1 -> List.of(counts[0]);
            case 2 -> List.of(counts[0], counts[1]);
            default -> List.of(counts[0], counts[1], counts[2]);
        };
    }

    private static Reading.Tariffs tariffs(double[] t) {
        boolean any = false;
        for (double d : t) any |= !Double.isNaN(d);
        return any ? new Reading.Tariffs(boxed(t[1]), boxed(t[2]), boxed(t[3]), boxed(t[4]), boxed(t[0])) : null;
    }

    /** L1..L3 up to the last phase the telegram mentions; an unmentioned phase before it is empty. */
    private List<Reading.Phase> phaseList() {
        int last = phases[2] != null ? 3 : phases[1] != null ? 2 : phases[0] != null ? 1 : 0;
        return switch (last) {     // an immutable list the reading keeps as it is, not a copy
            case 0 -> null;
            case 1 -> List.of(phase(0));
            case 2 -> List.of(phase(0), phase(1));
            default -> List.of(phase(0), phase(1), phase(2));
        };
    }

    private Reading.Phase phase(int p) {
        double[] q = phases[p];
        return q == null ? new Reading.Phase(null, null, null, null)
                : new Reading.Phase(boxed(q[VOLTAGE]), boxed(q[CURRENT]), boxed(q[IMPORT]), boxed(q[EXPORT]));
    }

    /** Export and idle phases read 0 most of the time: one shared zero instead of a new Double each. */
    private static final Double ZERO = 0.0;

    private static Double boxed(double d) {
        if (Double.doubleToRawLongBits(d) == 0L) return ZERO;
        return Double.isNaN(d) ? null : d;
    }
}
