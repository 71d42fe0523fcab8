package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new provider's first reading comes at once (issue 13, item 7): consent granted (My Home's
 * AUTHORIZED attached) → the packaged provider's first reading stored, with the demo's 15 s batch
 * interval, the packaged node at MWM 9, the packaged device on a pty fed by the simulated meter,
 * with the device's own default consent poll (2 s), so the figure is what a household gets.
 * The device publishes what it holds as soon as it has sent the provider its MAM_DATA, not at the
 * next tick. Two providers, granted 20 s apart (so at different points of the batch interval);
 * the seconds are printed, the bound asserted is loose so that a loaded machine cannot fail it.
 */
class ProviderFirstReadingIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aNewProvidersFirstReadingDoesNotWaitForTheBatchTick() throws Exception {
        try (TangleNode node = TangleNode.start();
                DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM,
                        Map.of("DEVICE_PUBLISH_INTERVAL", "15s", "DEVICE_CONSENT_POLL", "2s"));
                MeterFeeder meter = new MeterFeeder(device.meterSide(), dir.resolve("meter.log"))) {
            MyHome home = new MyHome(MyHome.newIdentity(), Files.createDirectories(dir.resolve("home")), node.url, TangleNode.MWM);
            assertThat(home.pairing.pair(device.address, device.secret())).isInstanceOf(PairingOutcome.Paired.class);
            device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the pairing is confirmed");

            List<ProviderProcess> providers = new ArrayList<>();
            try {
                List<Double> seconds = new ArrayList<>();
                for (String name : List.of("a", "b")) {
                    ProviderProcess p = ProviderProcess.start(name, dir, node.url, Map.of());
                    providers.add(p);
                    Thread.sleep(seconds.isEmpty() ? 5_000 : 20_000);
                    home.household.grant(policy(p, device.address));
                    long granted = System.nanoTime(); // the AUTHORIZED is attached when grant returns
                    Inbox.await(() -> firstReadingStored(p) ? true : null, WAIT, name + "'s first reading");
                    seconds.add((System.nanoTime() - granted) / 1e9);
                }
                System.out.printf(Locale.ROOT, "consent granted -> provider's first reading stored (15 s batches, MWM %d): %s s%n",
                        TangleNode.MWM, seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList());
                assertThat(seconds).as("seconds from consent to the first reading").allMatch(s -> s < 30);
            } finally {
                for (ProviderProcess p : providers) p.close();
                keepLogs();
            }
        }
    }

    private static Policy policy(ProviderProcess p, Address device) throws Exception {
        return new Policy(p.entry(), "read", new Device(device, "P1"), "Energy insight for your home", List.of());
    }

    private static boolean firstReadingStored(ProviderProcess p) {
        try {
            for (JsonNode g : p.grants()) if (g.path("status").asText().equals("active") && g.path("readings").asLong() >= 1) return true;
            return false;
        } catch (Exception e) {
            return false; // not answering yet: the next poll
        }
    }

    /** The processes' logs outlive the temporary directory, for reading after a failure. */
    private void keepLogs() throws java.io.IOException {
        Path logs = Files.createDirectories(Path.of("target", "logs", "ProviderFirstReadingIT"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
