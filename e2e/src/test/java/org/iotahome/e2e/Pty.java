package org.iotahome.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real pseudo-terminal pair made by socat: the device reads {@link #meter()}, as it would a P1 cable. */
final class Pty implements AutoCloseable {

    private final Path meter;
    private final Path feeder;
    private final Process socat;

    Pty(Path dir) throws IOException, InterruptedException {
        this.meter = dir.resolve("ttyP1");
        this.feeder = dir.resolve("ttyFeeder");
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + meter, "pty,raw,echo=0,link=" + feeder)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for the device's pty (./iotahome test installs the Debian package): " + e.getMessage(), e);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(meter)) {
            if (System.nanoTime() > end) throw new IllegalStateException("socat made no pty at " + meter);
            Thread.sleep(20);
        }
    }

    Path meter() {
        return meter;
    }

    /** The other end: what is written here, the device reads from {@link #meter()}. */
    Path feeder() {
        return feeder;
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}
