package org.iotahome.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.tangle.Address;

/** The packaged device on a socat pty, its data directory, and what a person with it can read there. */
final class DeviceUnderTest implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("device address ([A-Z9]{81})");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path data;
    final Address address;
    private final Path dir;
    private final Pty pty;
    private final Map<String, String> env;
    private final ServiceProcess process;
    private final int run;

    private DeviceUnderTest(Path dir, Path data, Pty pty, Map<String, String> env, ServiceProcess process, Address address, int run) {
        this.dir = dir;
        this.data = data;
        this.pty = pty;
        this.env = env;
        this.process = process;
        this.address = address;
        this.run = run;
    }

    static DeviceUnderTest start(Path dir, String nodeUrl, int mwm) throws Exception {
        return start(dir, nodeUrl, mwm, Map.of());
    }

    /** {@code env} adds to the test's settings (e.g. DEVICE_PUBLISH_INTERVAL). */
    static DeviceUnderTest start(Path dir, String nodeUrl, int mwm, Map<String, String> env) throws Exception {
        Path data = Files.createDirectories(dir.resolve("device-data"));
        Pty pty = new Pty(dir);
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "P1_SERIAL_PORT", pty.meter().toString(), "SMART_METER_VERSION", "5.0",
                "IOTA_PROVIDER", nodeUrl, "IOTA_MIN_WEIGHT_MAGNITUDE", String.valueOf(mwm), "IOTAHOME_DATA", data.toString(),
                "DEVICE_PAIRING_POLL", "200ms", "DEVICE_CONSENT_POLL", "200ms"));
        all.putAll(env);
        return launch(dir, data, pty, Map.copyOf(all), 0);
    }

    /** The first run logs to device.log, each restart to device-N.log. */
    private static DeviceUnderTest launch(Path dir, Path data, Pty pty, Map<String, String> env, int run) throws Exception {
        ServiceProcess p = ServiceProcess.start("device", "iotahome.device.jar", env,
                List.of("-Ddevice.pairing.retry-min=200ms", "-Ddevice.consent.retry-min=200ms"),
                dir.resolve(run == 0 ? "device.log" : "device-" + run + ".log"));
        String address = p.await(ADDRESS, Duration.ofSeconds(60)).group(1);
        return new DeviceUnderTest(dir, data, pty, env, p, new Address(address), run);
    }

    /** SIGKILL: the device dies at once, no shutdown hook runs; its pty and data directory stay. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** The device started again (after {@link #kill()}) on the same pty, data directory and settings. */
    DeviceUnderTest restart() throws Exception {
        return launch(dir, data, pty, env, run + 1);
    }

    /** Started again as {@link #restart()}, without the setting {@code name} from now on: the device's default (an upgrade). */
    DeviceUnderTest restartWithout(String name) throws Exception {
        Map<String, String> less = new java.util.HashMap<>(env);
        less.remove(name);
        return launch(dir, data, pty, Map.copyOf(less), run + 1);
    }

    /** The pty's other end, where a meter writes. */
    Path meterSide() {
        return pty.feeder();
    }

    /** What the pairing text holds: read from the data directory, as {@code ./iotahome device pairing-text} does. */
    DeviceSecret secret() throws IOException {
        return new DeviceSecret(Files.readString(data.resolve("secret"), StandardCharsets.US_ASCII).trim());
    }

    /** pairing.json as the device keeps it, or null when unpaired. */
    JsonNode pairing() throws IOException {
        Path f = data.resolve("pairing.json");
        return Files.exists(f) ? JSON.readTree(f.toFile()) : null;
    }

    /** Waits until {@code condition} holds for the stored pairing (null when unpaired). */
    void awaitPairing(Predicate<JsonNode> condition, Duration wait, String what) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        while (!condition.test(pairing())) {
            if (System.nanoTime() > end) throw new AssertionError("device: timed out waiting until " + what + "; log:\n" + log());
            Thread.sleep(100);
        }
    }

    /** Freezes the device (SIGSTOP), so a test can line up what it will read when it thaws. */
    void freeze() throws Exception {
        process.signal("STOP");
    }

    void thaw() throws Exception {
        process.signal("CONT");
    }

    void awaitLog(String text, Duration wait) throws Exception {
        process.await(Pattern.compile(Pattern.quote(text)), wait);
    }

    String log() throws IOException {
        return process.log();
    }

    /** Stops this run and the pty: call it on the last run only. */
    @Override
    public void close() throws Exception {
        process.close();
        pty.close();
    }
}
