package org.iotahome.device.publish;

import org.iotahome.protocol.p1.MeterSeries;
import org.iotahome.protocol.p1.Reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The meter's {@link MeterSeries} kept on disk as the last equipment id (issue 14, item 5): a meter
 * swapped while the device was off is still marked {@code meterChanged} on its first reading, so
 * a DATA stream never shows totals going backwards without saying so. Written only when the id
 * changes (a swap, or the first reading ever), atomically.
 */
public final class MeterSeriesFile {

    private final Path file;
    private MeterSeries series;

    private MeterSeriesFile(Path file, MeterSeries series) {
        this.file = file;
        this.series = series;
    }

    /** The series in {@code file}, or a new one when there is none yet. */
    public static MeterSeriesFile open(Path file) {
        try {
            String id = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return new MeterSeriesFile(file, id.isEmpty() ? MeterSeries.START : new MeterSeries(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the meter series in " + file, e);
        }
    }

    /** A series kept in memory only (tests). */
    public static MeterSeriesFile inMemory() {
        return new MeterSeriesFile(null, MeterSeries.START);
    }

    /** The reading as it goes into DATA: marked when its meter is not the last one's. */
    public synchronized Reading place(Reading reading) {
        MeterSeries.Step step = series.next(reading);
        if (!step.series().equals(series) && file != null) write(step.series().lastEquipmentId());
        series = step.series();
        return step.reading();
    }

    private void write(String id) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the meter series in " + file, e);
        }
    }
}
