package org.iotahome.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import org.iotahome.cli.meter.SimulatedMeter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./iotahome meter --port PATH}: a simulated DSMR 5.0 meter writing a telegram every
 * interval to a serial port or a pseudo-terminal (the demo's virtual P1 port), or to a file.
 */
@Command(name = "meter", mixinStandardHelpOptions = true,
        description = "Simulate a DSMR 5.0 smart meter on a serial port, pty or file.")
public final class MeterCommand implements Runnable {

    @Option(names = "--port", required = true, description = "where to write: a pty or serial device path, or a file")
    Path port;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "time between telegrams (DSMR 5: 1000)")
    long intervalMs;

    @Option(names = "--count", defaultValue = "0", description = "telegrams to write, 0 for no end")
    long count;

    @Override
    public void run() {
        if (intervalMs < 0) throw new IllegalArgumentException("--interval-ms must be 0 or more, was " + intervalMs);
        SimulatedMeter meter = new SimulatedMeter(System.nanoTime());
        try (OutputStream out = Files.newOutputStream(port, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (long n = 0; count == 0 || n < count; n++) {
                out.write(meter.next(ZonedDateTime.now()));
                out.flush();
                if (count == 0 || n + 1 < count) Thread.sleep(intervalMs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
