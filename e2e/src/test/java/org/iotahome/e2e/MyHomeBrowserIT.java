package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * My Home in a real browser (headless Chromium through Selenium) against the packaged My Home, the
 * packaged tangle node and the packaged device on a pty: sign up, pair with live progress, grant
 * from a provider-style redirect, deny, revoke, delete; and, against the same running service,
 * what must be refused with nothing published. Screenshots go to {@code target/screenshots/}.
 */
class MyHomeBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    private TangleNode node;
    private DeviceUnderTest device;
    private MyHomeProcess home;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        node = TangleNode.start();
        device = DeviceUnderTest.start(dir, node.url, TangleNode.MWM);
        home = MyHomeProcess.start(dir, node.url);
        browser = chromium(dir.resolve("chromium"));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.quit();
        home.close();
        device.close();
        node.close();
    }

    /** Debian's chromium and chromium-driver (./iotahome test installs them); missing ones fail the test, never skip it. */
    static WebDriver chromium(Path profile) {
        Path driver = Path.of("/usr/bin/chromedriver");
        Path binary = Path.of("/usr/bin/chromium");
        assertThat(driver).as("chromium-driver (Debian package) is installed").isExecutable();
        assertThat(binary).as("chromium (Debian package) is installed").isExecutable();
        ChromeOptions options = new ChromeOptions().setBinary(binary.toFile()).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1000,900", "--user-data-dir=" + profile);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void waitForText(String text) {
        // The progress page reloads itself: read the source afresh each time, never a kept element.
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void signUp(String name) throws Exception {
        browser.get(home.url + "/signup");
        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.name("repeated")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("Your household's account is ready");
        browser.findElement(By.name("j_username")).sendKeys(name);
        browser.findElement(By.name("j_password")).sendKeys(PASSWORD);
        shot("01-sign-in");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText("Your devices");
    }

    private String consentUrl(Address provider, String key, String back) {
        return home.url + "/new-policy?iotaAddress=" + provider.trytes() + "&publicKeyTrytes=" + key + "&goal="
                + URLEncoder.encode("Energy insight for your home", StandardCharsets.UTF_8) + "&url=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    @Test
    void aHouseholdSignsUpPairsGrantsDeniesRevokesAndDeletesInTheBrowser() throws Exception {
        // Sign up and pair: the progress page goes through its steps by itself.
        signUp("jan");
        shot("02-devices-empty");
        browser.findElement(By.linkText("Add a device")).click();
        browser.findElement(By.name("pairingText")).sendKeys(new PairingText(device.address, device.secret()).format());
        shot("03-add-device");
        browser.findElement(By.cssSelector("form[action='/devices/add'] button")).click();
        waitForText("Pairing with your meter reader");
        shot("04-pairing-in-progress");
        waitForText("Paired: the device is now part of your household.");
        shot("05-paired");
        device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), WAIT, "the device confirms the pairing");

        // Consent from a provider-style redirect, with a 5,500-tryte key, back to the provider's url.
        Address provider = new Address("WATTT".repeat(16) + "W");
        String key = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom()).publicKey().toTrytes();
        browser.get(consentUrl(provider, key, "http://127.0.0.1:9/back"));
        waitForText("127.0.0.1 asks to read your meter");
        assertThat(browser.getPageSource()).contains("read P1 energy data", "Energy insight for your home");
        shot("06-consent-review");
        browser.findElement(By.cssSelector("form[action$='/grant'] button")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:9/back"));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://127.0.0.1:9/back?consent=granted&device=" + device.address.trytes());
        device.awaitLog("authorized provider " + provider, WAIT);

        // Deny another request.
        browser.get(consentUrl(provider, key, "http://127.0.0.1:9/other"));
        waitForText("asks to read your meter");
        browser.findElement(By.cssSelector("form[action$='/deny'] button")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:9/other"));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://127.0.0.1:9/other?consent=denied");

        // The devices page names the provider; refusals against the running service change nothing.
        browser.get(home.url + "/");
        waitForText("127.0.0.1 may read P1 energy data");
        shot("07-devices-with-policy");
        browser.findElement(By.linkText("Audit trail")).click();
        waitForText("Who can read this device's data now");
        assertThat(browser.getPageSource()).contains("AUTHORIZED", "127.0.0.1</strong> for");
        assertThat(browser.findElement(By.id("access-history")).getText()).contains("127.0.0.1", "now", "still allowed");
        shot("07b-audit-trail");
        browser.get(home.url + "/");
        refusedWithNothingPublished();

        // Revoke: the device rotates its key for no one.
        browser.findElement(By.cssSelector("form[action$='/revoke'] button")).click();
        waitForText("No provider may read this device's data.");
        device.awaitLog("revoked provider " + provider, WAIT);

        // Delete, after a confirmation page: the device is unpaired.
        browser.findElement(By.linkText("Delete this device…")).click();
        waitForText("Delete this device?");
        shot("08-confirm-delete");
        browser.findElement(By.cssSelector("form[action$='/delete'] button.danger")).click();
        waitForText("No meter reader is paired");
        device.awaitPairing(p -> p == null, WAIT, "the device is unpaired");
        shot("09-deleted");
    }

    /** A request without a session, forms without or with a wrong CSRF token, a cross-site post, another household's device. */
    private void refusedWithNothingPublished() throws Exception {
        String session = browser.manage().getCookieNamed("quarkus-credential").getValue();
        String deleteUrl = home.url + "/devices/" + device.address.trytes() + "/delete";
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(post(http, deleteUrl, null, Map.of()).statusCode()).as("no session").isEqualTo(302);
        assertThat(post(http, deleteUrl, "quarkus-credential=" + session, Map.of()).statusCode()).as("no CSRF token").isEqualTo(400);
        assertThat(post(http, deleteUrl, "quarkus-credential=" + session + "; csrf-token=forged", Map.of("csrf-token", "other"))
                .statusCode()).as("a wrong CSRF token").isEqualTo(400);
        // A cross-site form: the browser sends no SameSite=Strict cookie, so it arrives without a session.
        Cookie cookie = browser.manage().getCookieNamed("quarkus-credential");
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isHttpOnly()).isTrue();
        // Another household cannot name this device.
        WebDriver mine = browser;
        browser = chromium(dir.resolve("chromium-other"));
        try {
            signUp("mallory");
            browser.get(deleteUrl);
            assertThat(browser.getPageSource()).contains("Not found");
        } finally {
            browser.quit();
            browser = mine;
        }
        browser.get(home.url + "/");
        assertThat(browser.getPageSource()).contains(device.address.trytes(), "127.0.0.1");
        assertThat(device.pairing()).isNotNull();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String cookies, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookies != null) b.header("Cookie", cookies);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
