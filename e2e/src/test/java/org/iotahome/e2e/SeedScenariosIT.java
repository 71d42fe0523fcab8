package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's scenarios (seed-scenarios.md) across the whole system, driven through its pages in
 * headless Chromium (issue 15, item 1): the packaged node, the device on a pty fed by the simulated
 * meter, My Home and two providers, each a real process on loopback. A household signs up and
 * pairs; connects provider A from A's own "Connect your smart meter" through My Home and back, and
 * A's dashboard shows its readings; the same for B; A is revoked (A cut off, B goes on, both keep
 * what they had) and the household's receipt for A's consent checks out (issue 16); the device is
 * deleted (everyone cut off, the device unpaired). Every service is restarted once on its data
 * mid-scenario, and the scenario goes on as if nothing happened.
 *
 * <p>My Home is on {@code localhost}, A on {@code 127.0.0.2} and B on {@code 127.0.0.3}: browsers
 * keep cookies per host, not per port, so each service keeps its own session cookie.
 */
class SeedScenariosIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path RECEIPTS = Path.of("target", "receipts");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void aHouseholdPairsConnectsTwoProvidersRevokesOneAndDeletesTheDeviceWhileEveryServiceRestarts() throws Exception {
        TangleNode node = TangleNode.start();
        DeviceUnderTest device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM, Map.of("DEVICE_PUBLISH_INTERVAL", "3s"));
        MeterFeeder meter = new MeterFeeder(device.meterSide(), dir.resolve("meter-1.log"));
        MyHomeProcess home = MyHomeProcess.start(dir, node.url);
        String homeUrl = "http://localhost:" + home.port;
        int portA = FreePort.pick();
        int portB = FreePort.pick();
        ProviderProcess a = ProviderProcess.start("a", dir, node.url, providerEnv(homeUrl, "127.0.0.2", portA));
        ProviderProcess b = ProviderProcess.start("b", dir, node.url, providerEnv(homeUrl, "127.0.0.3", portB));
        WebDriver browser = MyHomeBrowserIT.chromium(dir.resolve("chromium"));
        String secret = device.secret().trytes();
        try {
            // Publishing and pairing: the household signs up and adds its meter reader.
            signUpAndPair(browser, homeUrl, device);

            // Consent from A's own page, through My Home, back to A; then A's staff see the household's readings.
            connect(browser, "http://127.0.0.2:" + portA, device, "a");
            String rootA = a.awaitReadings(3);
            watchDashboard(browser, "http://127.0.0.2:" + portA, rootA, "a");

            // My Home restarts: the household's session and its devices survive.
            home = home.restart();
            browser.get(homeUrl + "/");
            waitForText(browser, "127.0.0.2 may read P1 energy data");

            // The same for B.
            connect(browser, "http://127.0.0.3:" + portB, device, "b");
            String rootB = b.awaitReadings(3);

            // A restarts, then the node: both providers read on, from where they were.
            a.close();
            a = ProviderProcess.start("a", dir, node.url, providerEnv(homeUrl, "127.0.0.2", portA));
            a.awaitReadings(a.count(rootA) + 3);
            node.restart();
            a.awaitReadings(a.count(rootA) + 3);
            b.awaitReadings(b.count(rootB) + 3);

            // Revoke A in My Home: A is cut off and keeps what it had; B goes on.
            browser.get(homeUrl + "/");
            browser.findElement(By.xpath("//li[strong[text()='127.0.0.2']]//form[contains(@action,'/revoke')]/button")).click();
            waitForText(browser, "127.0.0.3 may read P1 energy data");
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("127.0.0.2 may read");
            shot(browser, "seed-05-a-revoked");
            awaitRevoked(a, rootA);
            checkReceipt(browser, homeUrl, device, node.url);
            long aKept = a.count(rootA);
            b.awaitReadings(b.count(rootB) + 3);

            // The device restarts (a new pty and meter, the same data): B reads on.
            meter.close();
            device.close();
            device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM, Map.of("DEVICE_PUBLISH_INTERVAL", "3s"));
            meter = new MeterFeeder(device.meterSide(), dir.resolve("meter-2.log"));
            b.awaitReadings(b.count(rootB) + 3);

            // B restarts and reads on.
            b.close();
            b = ProviderProcess.start("b", dir, node.url, providerEnv(homeUrl, "127.0.0.3", portB));
            b.awaitReadings(b.count(rootB) + 3);
            assertThat(a.count(rootA)).as("A read nothing after its revocation, and keeps what it had").isEqualTo(aKept).isPositive();

            // Delete the device: it is unpaired and rotates its key for no one; B is cut off too and keeps what it had.
            browser.get(homeUrl + "/");
            browser.findElement(By.linkText("Delete this device…")).click();
            waitForText(browser, "Delete this device?");
            browser.findElement(By.cssSelector("form[action$='/delete'] button.danger")).click();
            waitForText(browser, "No meter reader is paired");
            shot(browser, "seed-06-device-deleted");
            device.awaitPairing(p -> p == null, WAIT, "the device is unpaired");
            awaitRevoked(b, rootB);
            long bKept = b.count(rootB);
            Thread.sleep(10_000); // three publish intervals: anything still readable would have arrived
            assertThat(b.count(rootB)).as("B reads nothing after the deletion, and keeps what it had").isEqualTo(bKept).isPositive();
            assertThat(a.count(rootA)).isEqualTo(aKept);
        } finally {
            browser.quit();
            for (AutoCloseable c : new AutoCloseable[] {a, b, home, meter, device, node}) c.close();
            keepLogs();
        }
        // No secret in any log: the staff password, the household's password, the device's secret, a generated session key.
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList())
                assertThat(Files.readString(log)).as(log.getFileName().toString())
                        .doesNotContain(ProviderProcess.STAFF_PASSWORD, PASSWORD, secret, "using temporary key");
        }
    }

    /**
     * The household's receipt for A's consent, from the audit page: signed with the key on My Home's
     * about page, on the Tangle, in force before the revocation and revoked after it
     * ({@code ./iotahome receipt verify}); changed, it fails.
     */
    private void checkReceipt(WebDriver browser, String homeUrl, DeviceUnderTest device, String nodeUrl) throws Exception {
        browser.get(homeUrl + "/about");
        String homeKey = browser.findElement(By.id("receipt-public-key")).getText().strip();
        shot(browser, "seed-05b-about");
        browser.get(homeUrl + "/devices/" + device.address.trytes() + "/audit");
        waitForText(browser, "Who could read this device's data, from when to when");
        shot(browser, "seed-05c-audit");
        String href = browser.findElement(By.xpath("//tr[td[text()='AUTHORIZED'] and td[text()='127.0.0.2']]//a[@class='receipt']"))
                .getAttribute("href");
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : browser.manage().getCookies()) cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies.toString()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        Path receipt = Files.writeString(Files.createDirectories(RECEIPTS).resolve("receipt-a.json"), download.body());
        Instant given = Instant.ofEpochMilli(ConsentReceipt.parse(download.body()).anchor().timestamp());

        Cli before = Cli.run(List.of("receipt", "verify", receipt.toString(), "--node", nodeUrl, "--home-key", homeKey, "--at",
                given.plusSeconds(1).toString()));
        assertThat(before.code()).as(before.out()).isZero();
        assertThat(before.check("signature").path("homeKey").asText()).isEqualTo("matches");
        assertThat(before.check("tangle").path("ok").asBoolean()).isTrue();
        assertThat(before.check("status").path("status").asText()).isEqualTo("IN_FORCE");
        Cli now = Cli.run(List.of("receipt", "verify", receipt.toString(), "--node", nodeUrl, "--home-key", homeKey));
        assertThat(now.check("status").path("status").asText()).as(now.out()).isEqualTo("REVOKED");
        assertThat(Instant.parse(now.check("status").path("ended").asText())).isAfter(given);
        Path changed = Files.writeString(RECEIPTS.resolve("receipt-a-changed.json"), download.body().replace("127.0.0.2", "127.0.0.9"));
        Cli tampered = Cli.run(List.of("receipt", "verify", changed.toString(), "--node", nodeUrl, "--home-key", homeKey));
        assertThat(tampered.code()).as(tampered.out()).isEqualTo(1);
        assertThat(tampered.check("signature").path("signature").asText()).startsWith("INVALID");
        Files.writeString(RECEIPTS.resolve("verify-a.txt"), "before the revocation:\n" + before.out() + "now:\n" + now.out()
                + "changed:\n" + tampered.out());
        System.out.println("receipt for A's consent:\n" + download.body() + "verified before the revocation:\n" + before.out()
                + "verified now:\n" + now.out() + "changed:\n" + tampered.out());
    }

    private static Map<String, String> providerEnv(String homeUrl, String host, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("MY_HOME_URL", homeUrl);
        env.put("PROVIDER_PUBLIC_URL", "http://" + host + ":" + port);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return env;
    }

    private static void signUpAndPair(WebDriver browser, String homeUrl, DeviceUnderTest device) throws Exception {
        browser.get(homeUrl + "/signup");
        browser.findElement(By.name("username")).sendKeys("eva");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.name("repeated")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(browser, "Your household's account is ready");
        browser.findElement(By.name("j_username")).sendKeys("eva");
        browser.findElement(By.name("j_password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(browser, "Your devices");
        browser.findElement(By.linkText("Add a device")).click();
        browser.findElement(By.name("pairingText")).sendKeys(new PairingText(device.address, device.secret()).format());
        browser.findElement(By.cssSelector("form[action='/devices/add'] button")).click();
        waitForText(browser, "Paired: the device is now part of your household.");
        shot(browser, "seed-01-paired");
        device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the device confirms the pairing");
    }

    /** From the provider's landing page through My Home's consent page and back to the provider. */
    private static void connect(WebDriver browser, String providerUrl, DeviceUnderTest device, String name) throws Exception {
        browser.get(providerUrl + "/");
        browser.findElement(By.linkText("Connect your smart meter")).click();
        // My Home's session cookie is SameSite=Strict: arriving from another site, the household signs in again,
        // and My Home brings it back to the request it kept server-side.
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.name("j_username")).isEmpty()
                || d.findElement(By.tagName("body")).getText().contains("asks to read your meter"));
        if (!browser.findElements(By.name("j_username")).isEmpty()) {
            shot(browser, "seed-02-" + name + "-sign-in-again");
            browser.findElement(By.name("j_username")).sendKeys("eva");
            browser.findElement(By.name("j_password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
        }
        waitForText(browser, "asks to read your meter");
        shot(browser, "seed-02-" + name + "-consent");
        browser.findElement(By.cssSelector("form[action$='/grant'] button")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().startsWith(providerUrl + "/connected"));
        assertThat(browser.getCurrentUrl()).isEqualTo(providerUrl + "/connected?consent=granted&device=" + device.address.trytes());
        waitForText(browser, "Your smart meter is connected");
        shot(browser, "seed-03-" + name + "-connected");
    }

    /** The provider's staff sign in; the household's power chart is drawn and moves. */
    private static void watchDashboard(WebDriver browser, String providerUrl, String root, String name) throws Exception {
        browser.get(providerUrl + "/dashboard");
        browser.findElement(By.name("j_username")).sendKeys("staff");
        browser.findElement(By.name("j_password")).sendKeys(ProviderProcess.STAFF_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(browser, "Connected households");
        browser.findElement(By.cssSelector("a[href='/dashboard/households/" + root + "']")).click();
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.cssSelector("#power-chart canvas")).isEmpty());
        int first = points(browser);
        new WebDriverWait(browser, WAIT).until(d -> points(d) > first);
        shot(browser, "seed-04-" + name + "-dashboard");
    }

    private static int points(WebDriver d) {
        String n = d.findElement(By.id("household")).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private static void awaitRevoked(ProviderProcess p, String root) throws Exception {
        Inbox.await(() -> status(p, root).equals("revoked") ? true : null, WAIT, p.name + " marks its grant revoked");
    }

    private static String status(ProviderProcess p, String root) {
        try {
            for (var g : p.grants()) if (g.path("device").asText().equals(root)) return g.path("status").asText();
        } catch (Exception e) {
            return ""; // not answering yet: the next poll
        }
        return "";
    }

    private static void waitForText(WebDriver browser, String text) {
        try {
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no \"" + text + "\" at " + browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void keepLogs() throws java.io.IOException {
        Path logs = Files.createDirectories(Path.of("target", "logs", "SeedScenariosIT"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList())
                Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
