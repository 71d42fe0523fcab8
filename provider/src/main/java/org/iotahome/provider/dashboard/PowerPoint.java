package org.iotahome.provider.dashboard;

import java.util.List;

/**
 * One reading's power: import and export in kW at {@code epochMillis} (the meter's time), the
 * per-phase import in kW where the meter sends it (empty otherwise), and the gas total in m3 (null
 * when there is no gas meter).
 */
public record PowerPoint(long epochMillis, double importKw, double exportKw, List<Double> phaseImportKw, Double gasM3) {

    public PowerPoint {
        phaseImportKw = List.copyOf(phaseImportKw);
    }
}
