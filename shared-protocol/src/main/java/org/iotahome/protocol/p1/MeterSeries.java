package org.iotahome.protocol.p1;

import java.util.Objects;

/**
 * Where a DATA stream stands in its meter's series: the equipment id of the last reading sent.
 * A new id is a meter swap, after which totals start again from the new meter's registers, so
 * the first reading of the new meter is marked {@code meterChanged} (p1-reading.schema.json)
 * and a reader never sees totals go backwards unannounced. Immutable: each step returns the next
 * series. Use, for every reading in the order published:
 * <pre>{@code
 * MeterSeries.Step step = series.next(reading);
 * publish(step.reading());     // marked when the meter changed
 * series = step.series();      // keep for the next reading (persist it with the channel state)
 * }</pre>
 * A reading without equipment id neither marks nor changes the series.
 */
public record MeterSeries(String lastEquipmentId) {

    /** Before the first reading: the first meter seen starts the series and is no change. */
    public static final MeterSeries START = new MeterSeries(null);

    /** The reading to publish and the series after it. */
    public record Step(Reading reading, MeterSeries series) {
        public Step {
            Objects.requireNonNull(reading, "a step carries its reading");
            Objects.requireNonNull(series, "a step carries the series after it");
        }
    }

    public Step next(Reading reading) {
        Objects.requireNonNull(reading, "a reading to place in the series");
        String id = reading.equipmentId();
        if (id == null || id.isEmpty()) return new Step(reading, this);
        boolean changed = lastEquipmentId != null && !lastEquipmentId.equals(id);
        return new Step(reading.withMeterChanged(changed), new MeterSeries(id));
    }
}
