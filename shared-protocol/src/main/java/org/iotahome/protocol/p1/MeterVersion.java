package org.iotahome.protocol.p1;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The meter generations a P1 reader meets, as {@code SMART_METER_VERSION} names them
 * (ARCHITECTURE.md: 2.2, 4.0, 4.2, 5.0, fluvius), with the line settings each one sends at.
 */
public enum MeterVersion {
    V2_2("2.2", new LineSettings(9600, 7, LineSettings.Parity.EVEN, 1)),
    V4_0("4.0", new LineSettings(115200, 8, LineSettings.Parity.NONE, 1)),
    V4_2("4.2", new LineSettings(115200, 8, LineSettings.Parity.NONE, 1)),
    V5_0("5.0", new LineSettings(115200, 8, LineSettings.Parity.NONE, 1)),
    /** Belgian meters (Fluvius, e-MUCS H): DSMR 5 framing and speed. */
    FLUVIUS("fluvius", new LineSettings(115200, 8, LineSettings.Parity.NONE, 1));

    private final String label;
    private final LineSettings lineSettings;

    MeterVersion(String label, LineSettings lineSettings) {
        this.label = label;
        this.lineSettings = lineSettings;
    }

    public String label() {
        return label;
    }

    public LineSettings lineSettings() {
        return lineSettings;
    }

    /**
     * Reads a {@code SMART_METER_VERSION}: "2.2", "4", "4.0", "4.2", "5", "5.0", "fluvius";
     * "belgian", "be" and "e-mucs" also name the Belgian meters. Case and spaces do not matter.
     */
    public static MeterVersion parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "2.2", "22", "2" -> V2_2;
            case "4", "4.0", "40", "4.0.7" -> V4_0;
            case "4.2", "42", "4.2.2" -> V4_2;
            case "5", "5.0", "50", "5.0.2" -> V5_0;
            case "fluvius", "belgian", "be", "e-mucs", "emucs" -> FLUVIUS;
            default -> throw new IllegalArgumentException("smart meter version must be one of "
                    + Arrays.stream(values()).map(MeterVersion::label).collect(Collectors.joining(", "))
                    + ", got '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
