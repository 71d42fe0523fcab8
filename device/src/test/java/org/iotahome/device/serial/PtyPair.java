package org.iotahome.device.serial;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by socat: the source reads {@link #meter()}, the test writes
 * what a meter would send into {@link #feeder()}. Both are symlinks, so killing socat and
 * starting it again is an unplug and a replug at the same path.
 */
public final class PtyPair implements AutoCloseable {

    private final Path meter;
    private final Path feeder;
    private Process socat;

    public PtyPair(Path dir) {
        this.meter = dir.resolve("ttyMeter");
        this.feeder = dir.resolve("ttyFeeder");
    }

    public Path meter() {
        return meter;
    }

    public PtyPair plugIn() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + meter, "pty,raw,echo=0,link=" + feeder)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            socat = pb.start();
        } catch (IOException e) {
            throw new IOException("socat is needed for the pty tests (./iotahome test installs the Debian package): "
                    + e.getMessage(), e);
        }
        await(() -> Files.exists(meter) && Files.exists(feeder), Duration.ofSeconds(5), "socat to make " + meter);
        return this;
    }

    /** Kills socat: both ptys vanish, as a pulled USB cable makes /dev/ttyUSB0 vanish. */
    public void unplug() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) socat.destroyForcibly().waitFor();
        await(() -> !Files.exists(meter, java.nio.file.LinkOption.NOFOLLOW_LINKS), Duration.ofSeconds(5),
                "socat to remove " + meter);
    }

    /** Writes bytes as the meter would; opens and closes the feeder side each time. */
    public void send(byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(feeder)) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (socat != null && socat.isAlive()) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void await(Condition c, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (c.holds()) return;
            } catch (Exception ignored) {
                // not yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
    }
}
