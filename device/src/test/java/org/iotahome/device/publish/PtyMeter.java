package org.iotahome.device.publish;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.iotahome.device.serial.PtyPair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A DSMR 5 meter on a socat pty pair and a fresh data directory for one test class; the test
 * finds the pty directory under {@code iotahome-test.pty-dir} and writes into its feeder side.
 */
public final class PtyMeter implements QuarkusTestResourceLifecycleManager {

    static final String PTY_DIR = "iotahome-test.pty-dir";

    private Path dir;
    private PtyPair pty;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("iotahome-device-");
            pty = new PtyPair(dir).plugIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting socat", e);
        }
        return Map.of(
                "device.serial-port", pty.meter().toString(),
                "device.meter-version", "5.0",
                "device.serial.baud-rate", "115200",
                "device.data-dir", dir.resolve("data").toString(),
                "device.publish.mode", "batch",
                "device.publish.interval", "300ms",
                PTY_DIR, dir.toString());
    }

    @Override
    public void stop() {
        try {
            if (pty != null) pty.close();
            if (dir != null) try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
