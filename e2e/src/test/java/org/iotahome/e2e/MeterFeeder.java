package org.iotahome.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The simulated DSMR 5 meter ({@code ./iotahome meter}) writing a telegram a second to the pty's other end. */
final class MeterFeeder implements AutoCloseable {

    private final Process process;

    MeterFeeder(Path port, Path log) throws IOException {
        Path jar = Path.of(System.getProperty("iotahome.cli.jar", "missing:iotahome.cli.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("the cli is not packaged at " + jar);
        process = new ProcessBuilder(List.of("java", "-jar", jar.toString(), "meter", "--port", port.toString(), "--interval-ms", "1000"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
