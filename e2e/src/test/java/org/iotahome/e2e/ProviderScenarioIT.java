package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.message.SealedChannelKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12's scenarios over real processes on loopback: the packaged node, the packaged device on a
 * pty fed by the simulated meter, two packaged providers A and B, My Home in this JVM. Grant →
 * readings on A's dashboard (headless Chromium: the chart is drawn and moves); 100 forged MAM_DATA
 * at A → no new household, the real one still followed; B killed and restarted mid-stream → no gap,
 * no duplicate (checked against what a third reader C read of the same channel); revoke A → A stops,
 * keeps what it had, B goes on.
 */
class ProviderScenarioIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private static Policy policy(ServiceProvider provider, Address device) {
        return new Policy(provider, "read", new Device(device, "P1"), "Energy insight for your home", List.of());
    }

    @Test
    void providersFollowGrantsSurviveForgeriesAndRestartsAndStopWhenRevoked() throws Exception {
        try (TangleNode node = TangleNode.start();
                DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM, Map.of("DEVICE_PUBLISH_INTERVAL", "3s"));
                MeterFeeder meter = new MeterFeeder(device.meterSide(), dir.resolve("meter.log"))) {
            MyHome home = new MyHome(MyHome.newIdentity(), Files.createDirectories(dir.resolve("home")), node.url, TangleNode.MWM);
            assertThat(home.pairing.pair(device.address, device.secret())).isInstanceOf(PairingOutcome.Paired.class);
            device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the pairing is confirmed");

            ProviderProcess a = ProviderProcess.start("a", dir, node.url, Map.of());
            ProviderProcess b = ProviderProcess.start("b", dir, node.url, Map.of());
            try {
                Policy forA = policy(a.entry(), device.address);
                home.household.grant(forA);
                home.household.grant(policy(b.entry(), device.address));
                // C: a reader in this JVM, granted too, to tell what the channel holds.
                EnvelopeKeyPair cKeys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
                Address cAddress = new Address(RandomTrytes.of(new SecureRandom(), 81));
                Inbox cInbox = new Inbox(home.tangle, cAddress);
                home.household.grant(policy(new ServiceProvider(java.net.URI.create("https://c.example/back"), cAddress, cKeys.publicKey()),
                        device.address));

                // Each provider is handed the channel's next root at its grant, so A and B may start at different roots.
                String root = a.awaitReadings(1);
                String rootB = b.awaitReadings(1);

                // A's staff watch the household's power in the browser: the chart is drawn and moves.
                WebDriver browser = MyHomeBrowserIT.chromium(dir.resolve("chromium"));
                try {
                    browser.get(a.url + "/dashboard");
                    browser.findElement(By.name("j_username")).sendKeys("staff");
                    browser.findElement(By.name("j_password")).sendKeys(ProviderProcess.STAFF_PASSWORD);
                    browser.findElement(By.cssSelector("button[type=submit]")).click();
                    new WebDriverWait(browser, WAIT).until(d -> d.getPageSource().contains("Connected households"));
                    shot(browser, "provider-01-households");
                    browser.findElement(By.cssSelector("a[href='/dashboard/households/" + root + "']")).click();
                    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.cssSelector("#power-chart canvas")).isEmpty());
                    int first = points(browser);
                    new WebDriverWait(browser, WAIT).until(d -> points(d) > first);
                    assertThat(browser.findElement(By.id("live-state")).getText()).isEqualTo("live");
                    shot(browser, "provider-02-household-live");
                } finally {
                    browser.quit();
                }

                // 100 forged MAM_DATA sealed to A's key, naming channels no household authorized A on.
                forge(home, a.entry(), 100);
                Inbox.await(() -> pending(a) >= 100 ? true : null, WAIT, "A holding the 100 forged grants as pending");
                long realBefore = a.count(root);
                a.awaitReadings(realBefore + 1);
                assertThat(notPending(a)).as("no forged grant is confirmed").containsExactly(root);
                assertThat(a.get("/dashboard")).as("the dashboard lists the one real household")
                        .containsOnlyOnce("/dashboard/households/").contains("/dashboard/households/" + root);

                // B killed mid-stream and started again on the same data.
                b.kill();
                Thread.sleep(4_000);
                b = ProviderProcess.start("b", dir, node.url, Map.of());
                long bAfterRestart = b.count(rootB);
                b.awaitReadings(bAfterRestart + 5);

                // A revoked: the device rotates its key for B and C only.
                home.household.revoke(forA);
                Inbox.await(() -> status(a, root).equals("revoked") ? true : null, WAIT, "A marks the grant revoked");
                long aKept = a.count(root);
                long bAtRevocation = b.count(rootB);
                b.awaitReadings(bAtRevocation + 5);
                assertThat(a.count(root)).as("A reads nothing after its revocation, and keeps what it had").isEqualTo(aKept).isPositive();

                // B against C: the same readings in the window both cover, none twice, none missing.
                MamData sentToC = cInbox.first(MamData.class, WAIT);
                EnvelopeOpener cOpener = new EnvelopeOpener(cKeys);
                List<String> asC = meterTimes(new EventLog(home.transport).walk(
                        new ChannelKey(cOpener.open(sentToC.mamData().root()), cOpener.open(sentToC.mamData().sideKey())),
                        RotatedKeys.provider(cAddress, cOpener)).events());
                List<String> asB = new ArrayList<>();
                b.readings(rootB).forEach(r -> asB.add(r.path("meterTime").asText()));
                java.util.Collections.reverse(asB);
                assertThat(new TreeSet<>(asB)).as("B stored no reading twice").hasSize(asB.size());
                String from = max(asB.get(0), asC.get(0));
                String to = min(asB.get(asB.size() - 1), asC.get(asC.size() - 1));
                List<String> bWindow = asB.stream().filter(t -> t.compareTo(from) >= 0 && t.compareTo(to) <= 0).toList();
                List<String> cWindow = asC.stream().filter(t -> t.compareTo(from) >= 0 && t.compareTo(to) <= 0).toList();
                System.out.printf("B stored %d readings, C read %d; both cover %s..%s: B %d, C %d%n", asB.size(), asC.size(), from, to,
                        bWindow.size(), cWindow.size());
                assertThat(bWindow).as("B has every reading of the channel across its restart, in order").isEqualTo(cWindow).hasSizeGreaterThan(10);

                // Who could read the device's data, from when to when, through `./iotahome access`: the consent channel from its
                // first root as the household holds it, and the device's data channel as C was given it (for its key rotations);
                // it agrees with what A and B read.
                org.iotahome.protocol.event.ChannelKey consent = home.household.state().device(device.address).orElseThrow().consent();
                List<JsonNode> access = accessHistory(node.url, device.address.trytes(), List.of("--root", consent.root(),
                        "--side-key", consent.sideKey(), "--data-root", cOpener.open(sentToC.mamData().root()),
                        "--data-side-key", cOpener.open(sentToC.mamData().sideKey()), "--address", cAddress.trytes()),
                        dir.resolve("c-envelope.key"), cKeys);
                JsonNode forAPeriod = access.stream().filter(l -> l.path("provider").asText().equals(forA.serviceProvider().iotaAddress().trytes()))
                        .findFirst().orElseThrow(() -> new AssertionError("no period for A in " + access));
                assertThat(forAPeriod.path("ended").asText()).isEqualTo("REVOKED");
                // The consent channel says when the household revoked; the device's rotation, when A really stopped reading.
                java.time.Instant aRevoked = java.time.Instant.parse(forAPeriod.path("until").asText());
                java.time.Instant aCutOff = java.time.Instant.parse(forAPeriod.path("cutOff").asText());
                assertThat(aCutOff).isAfterOrEqualTo(aRevoked);
                List<java.time.Instant> aRead = new ArrayList<>();
                for (JsonNode r : a.readings(root)) aRead.add(meterInstant(r.path("meterTime").asText()));
                assertThat(aRead).as("A read only what was published before the device cut it off").isNotEmpty().allMatch(t -> t.isBefore(aCutOff));
                assertThat(java.util.Collections.max(aRead)).as("and what was published until then")
                        .isAfter(aRevoked.minusSeconds(30));
                assertThat(access).filteredOn(l -> l.has("provider") && l.path("until").isNull()).as("B and C still allowed").hasSize(2);
                System.out.println("access history as C reads it: " + access);
                cInbox.close();
            } finally {
                a.close();
                b.close();
                keepLogs();
            }
        }
    }

    /** How many of the provider's grants are still pending (0 while it does not answer). */
    private static long pending(ProviderProcess p) {
        try {
            long n = 0;
            for (JsonNode g : p.grants()) if (g.path("status").asText().equals("pending")) n++;
            return n;
        } catch (Exception e) {
            return 0;
        }
    }

    private static List<String> notPending(ProviderProcess p) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode g : p.grants()) if (!g.path("status").asText().equals("pending")) out.add(g.path("device").asText());
        return out;
    }

    private static String status(ProviderProcess p, String root) {
        try {
            for (JsonNode g : p.grants()) if (g.path("device").asText().equals(root)) return g.path("status").asText();
        } catch (Exception e) {
            // the next poll
        }
        return "";
    }

    private static int points(WebDriver d) {
        String n = d.findElement(By.id("household")).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private static void forge(MyHome via, ServiceProvider victim, int n) {
        EnvelopeSealer sealer = new EnvelopeSealer(new SecureRandom());
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < n; i++) {
            MamData forged = new MamData(
                    new SealedChannelKey(sealer.seal(victim.publicKey(), RandomTrytes.of(random, 81)), sealer.seal(victim.publicKey(), RandomTrytes.of(random, 81))),
                    new SealedChannelKey(sealer.seal(victim.publicKey(), RandomTrytes.of(random, 81)), sealer.seal(victim.publicKey(), RandomTrytes.of(random, 81))));
            via.tangle.attach(MessageBundle.build(victim.iotaAddress().trytes(), "FORGED", MessageCodec.write(forged),
                    System.currentTimeMillis() / 1000)).await().atMost(Duration.ofSeconds(60));
        }
    }

    private static List<String> meterTimes(List<ChannelEvent> events) {
        List<String> out = new ArrayList<>();
        for (ChannelEvent e : events) if (e instanceof Data data) data.readings().forEach(r -> out.add(r.path("meterTime").asText()));
        return out;
    }

    private static String max(String x, String y) {
        return x.compareTo(y) >= 0 ? x : y;
    }

    private static String min(String x, String y) {
        return x.compareTo(y) <= 0 ? x : y;
    }

    /** The processes' logs outlive the temporary directory, for reading after a failure. */
    private void keepLogs() throws java.io.IOException {
        Path logs = Files.createDirectories(Path.of("target", "logs", "ProviderScenarioIT"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code ./iotahome access} as provider C (following the rotations that include it): its JSON lines. */
    private static List<JsonNode> accessHistory(String nodeUrl, String device, List<String> keyArgs, Path keyFile, EnvelopeKeyPair keys)
            throws Exception {
        org.iotahome.protocol.envelope.EnvelopeKeyFile.write(keyFile, keys);
        List<String> args = new ArrayList<>(List.of("access", "--node", nodeUrl, "--device", device, "--envelope-key", keyFile.toString()));
        args.addAll(keyArgs);
        Cli run = Cli.run(args);
        assertThat(run.code()).as(run.out()).isZero();
        return run.lines();
    }

    /** A reading's meterTime (ISO local time with offset, as the schema has it) as an instant. */
    private static java.time.Instant meterInstant(String meterTime) {
        return java.time.OffsetDateTime.parse(meterTime).toInstant();
    }
}
