package org.iotahome.home.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Households;
import org.iotahome.home.pairing.TestDevice;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.iotahome.protocol.receipt.ReceiptCheck;
import org.iotahome.protocol.receipt.ReceiptKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.junit.jupiter.api.Test;

/**
 * My Home's pages over HTTP as a browser uses them: accounts, CSRF tokens, pairing as a job, the
 * consent hand-off and review, revoke and delete by stable ids, and what must be refused.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PagesTest {

    private static final String PUBLIC_KEY = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom()).publicKey().toTrytes();
    private static final Address PROVIDER = new Address("P".repeat(81));
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    InMemoryTangle tangle;

    @Inject
    TangleMessageTransport transport;

    /** A browser's cookie jar and the CSRF token of the last page it read. */
    static final class Browser {
        final Map<String, String> cookies = new HashMap<>();
        String csrf;

        Response get(String path) {
            Response r = given().redirects().follow(false).cookies(cookies).get(path);
            keep(r);
            return r;
        }

        Response post(String path, Map<String, String> form) {
            Response r = given().redirects().follow(false).cookies(cookies).formParams(form).post(path);
            keep(r);
            return r;
        }

        Response postWithToken(String path, Map<String, String> form) {
            Map<String, String> f = new HashMap<>(form);
            f.put("csrf-token", csrf);
            return post(path, f);
        }

        private void keep(Response r) {
            r.getDetailedCookies().forEach(c -> {
                if (c.getMaxAge() == 0) cookies.remove(c.getName());
                else cookies.put(c.getName(), c.getValue());
            });
            Matcher m = CSRF.matcher(r.asString());
            if (m.find()) csrf = m.group(1);
        }
    }

    private Browser signedIn() {
        Browser b = new Browser();
        String name = "household" + ACCOUNTS.incrementAndGet();
        b.get("/signup");
        assertThat(b.postWithToken("/signup", Map.of("username", name, "password", "correct horse battery", "repeated",
                "correct horse battery")).statusCode()).isEqualTo(303);
        Response login = b.post("/j_security_check", Map.of("j_username", name, "j_password", "correct horse battery"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        return b;
    }

    /** Pairs a simulated device through the pages: the form starts a job, its page ends in "Paired". */
    private TestDevice pair(Browser b) throws Exception {
        TestDevice device = new TestDevice(tangle, MailboxAddress.of(RandomTrytes.of(new SecureRandom(), 81)));
        b.get("/devices/add");
        Response started = b.postWithToken("/devices/add", Map.of("pairingText", new PairingText(device.address, device.secret).format()));
        assertThat(started.statusCode()).isEqualTo(303);
        String job = started.header("Location").replaceFirst("^.*/pairing/", "/pairing/");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String page;
        do {
            Thread.sleep(100);
            page = b.get(job).then().statusCode(200).extract().asString();
        } while (!page.contains("id=\"outcome\">Paired") && System.nanoTime() < end);
        assertThat(page).contains("Paired: the device is now part of your household.", "Claim sent to the device");
        return device;
    }

    private String consentRequest(Browser b) {
        return consentRequest(b, null);
    }

    private String consentRequest(Browser b, String expires) {
        var spec = given().redirects().follow(false).cookies(b.cookies).queryParam("iotaAddress", PROVIDER.withChecksum())
                .queryParam("publicKeyTrytes", PUBLIC_KEY).queryParam("goal", "energy advice")
                .queryParam("url", "https://wattt.example/back");
        if (expires != null) spec = spec.queryParam("expires", expires);
        Response handoff = spec.get("/new-policy");
        assertThat(handoff.statusCode()).isEqualTo(303);
        return handoff.header("Location").replaceFirst("^.*/new-policy/", "/new-policy/");
    }

    private List<ChannelEvent> consentEvents(TestDevice device) throws IOException {
        ChannelKey consent = device.consent.get();
        return new EventLog(transport).read(consent);
    }

    @Test
    void everyPageButSignUpAndLoginNeedsASessionAndCarriesTheSecurityHeaders() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).get("/devices/add").then().statusCode(302);
        given().redirects().follow(false).get("/devices/" + "D".repeat(81) + "/receipts/" + "R".repeat(81)).then().statusCode(302);
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("Sign in"));
        given().get("/static/style.css").then().statusCode(200);
        // A form post without a session is refused before it can publish anything.
        given().redirects().follow(false).formParam("pairingText", "x").post("/devices/add").then().statusCode(302);
    }

    @Test
    void signUpRefusesBadInputInPlainWordsAndLoginFailuresAreRefused() {
        Browser b = new Browser();
        b.get("/signup");
        b.postWithToken("/signup", Map.of("username", "A", "password", "short", "repeated", "other")).then().statusCode(400)
                .body(containsString("Choose a user name")).body(containsString("at least 10 characters"));
        given().redirects().follow(false).header("Origin", "https://evil.example").formParam("j_username", "nobody")
                .formParam("j_password", "wrong password").post("/j_security_check").then().statusCode(403);
        Response failed = b.post("/j_security_check", Map.of("j_username", "nobody", "j_password", "wrong password"));
        assertThat(failed.header("Location")).contains("/login?error=true");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefused() throws Exception {
        Browser b = signedIn();
        b.get("/devices/add");
        b.post("/devices/add", Map.of("pairingText", "iotahome:pair?x")).then().statusCode(400);
        b.post("/devices/add", Map.of("pairingText", "iotahome:pair?x", "csrf-token", "forged")).then().statusCode(400);
        // A cross-site post carries the session cookie only where SameSite allows it: strict, so never; and without the token it fails anyway.
        assertThat(b.cookies).containsKey("quarkus-credential");
    }

    @Test
    void pairGrantFromAProviderRedirectDenyRevokeAndDelete() throws Exception {
        Browser b = signedIn();
        TestDevice device = pair(b);
        String devices = b.get("/").then().statusCode(200).extract().asString();
        assertThat(devices).contains(device.address.trytes(), "No provider may read this device's data.");

        // Grant, from the provider's redirect: the review page names the host and the goal.
        String request = consentRequest(b);
        b.get(request).then().statusCode(200).body(containsString("wattt.example asks to read your meter"))
                .body(containsString("energy advice")).body(containsString("read P1 energy data"));
        Response granted = b.postWithToken(request + "/grant", Map.of("device", device.address.trytes()));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(granted.header("Location"))
                .isEqualTo("https://wattt.example/back?consent=granted&device=" + device.address.trytes());
        // A second submit publishes nothing.
        b.postWithToken(request + "/grant", Map.of("device", device.address.trytes())).then().statusCode(404);
        assertThat(consentEvents(device)).extracting(ChannelEvent::type).containsExactly("DEVICE_ADDED", "AUTHORIZED");

        // The audit trail: every event with the bundle it sits in, and who can read the device's data now.
        String audit = b.get("/devices/" + device.address.trytes() + "/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains("DEVICE_ADDED", "AUTHORIZED", "energy advice", "Who can read this device's data now")
                .containsPattern("<strong>wattt.example</strong> for “energy advice”, since \\d{4}-\\d{2}-\\d{2}")
                .containsPattern("class=\"mono\">[A-Z9]{81}</td>");

        // Deny another request: back to the provider, nothing published.
        String second = consentRequest(b);
        b.get(second);
        assertThat(b.postWithToken(second + "/deny", Map.of()).header("Location")).isEqualTo("https://wattt.example/back?consent=denied");
        assertThat(consentEvents(device)).hasSize(2);

        // Revoke by the policy's stable id.
        String page = b.get("/").asString();
        Matcher revoke = Pattern.compile("action=\"(/devices/[A-Z9]+/policies/[0-9a-f]{16}/revoke)\"").matcher(page);
        assertThat(revoke.find()).isTrue();
        b.postWithToken(revoke.group(1), Map.of()).then().statusCode(303);
        assertThat(consentEvents(device)).extracting(ChannelEvent::type)
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "KEY_ROTATION");
        b.postWithToken(revoke.group(1), Map.of()).then().statusCode(404);

        // Delete asks first.
        b.get("/devices/" + device.address.trytes() + "/delete").then().statusCode(200).body(containsString("Delete this device?"));
        b.postWithToken("/devices/" + device.address.trytes() + "/delete", Map.of()).then().statusCode(303);
        assertThat(b.get("/").asString()).contains("No meter reader is paired");
        device.close();
    }

    @Test
    void eachConsentHasAReceiptSignedWithTheKeyOnTheAboutPageThatChecksOutOnTheTangle() throws Exception {
        Browser b = signedIn();
        TestDevice device = pair(b);
        String request = consentRequest(b);
        b.get(request);
        b.postWithToken(request + "/grant", Map.of("device", device.address.trytes())).then().statusCode(303);

        String audit = b.get("/devices/" + device.address.trytes() + "/audit").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"(/devices/[A-Z9]{81}/receipts/[A-Z9]{81})\"").matcher(audit);
        assertThat(link.find()).as("a receipt link on the AUTHORIZED line").isTrue();
        assertThat(link.find()).as("only AUTHORIZED has one").isFalse();
        link.reset().find();
        Response download = b.get(link.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).matches("attachment; filename=\"consent-receipt-wattt.example-\\d{4}-\\d{2}-\\d{2}.json\"");
        ConsentReceipt receipt = ConsentReceipt.parse(download.asString());
        assertThat(receipt.signatureValid()).isTrue();
        assertThat(receipt.anchor().goal()).isEqualTo("energy advice");
        assertThat(receipt.anchor().device()).isEqualTo(device.address);

        // The key is public on the about page, for anyone checking a receipt.
        String about = given().get("/about").then().statusCode(200).extract().asString();
        assertThat(about).contains(receipt.publicKey(), ReceiptKey.fingerprintOf(receipt.publicKey()));

        // On the Tangle, in force now.
        ReceiptCheck.Result check = new ReceiptCheck(tangle, transport, Duration.ofSeconds(10)).check(receipt.anchor(),
                org.iotahome.protocol.mam.KeySchedule.FIXED, java.time.Instant.now());
        assertThat(check.problem()).isEmpty();
        assertThat(check.status()).isEqualTo(ReceiptCheck.Status.IN_FORCE);

        // Nobody else's, and no other root.
        signedIn().get(link.group(1)).then().statusCode(404);
        b.get("/devices/" + device.address.trytes() + "/receipts/" + "9".repeat(81)).then().statusCode(404);
        device.close();
    }

    @Test
    void aConsentThatEndsByItselfIsShownInPlainWordsMayBeShortenedNeverLengthenedAndTravelsInThePolicy() throws Exception {
        Browser b = signedIn();
        TestDevice device = pair(b);
        String request = consentRequest(b, "P90D");
        java.time.LocalDate lastDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90);
        String review = b.get(request).then().statusCode(200).extract().asString();
        assertThat(review).contains("How long", "(ends in 90 days)", "max=\"" + lastDay + "\"");
        b.postWithToken(request + "/grant", Map.of("device", device.address.trytes(), "until", lastDay.plusDays(1).toString()))
                .then().statusCode(400).body(containsString("you can shorten it, not lengthen it"));
        String keptAsAsked = consentRequest(b, "P90D");
        b.get(keptAsAsked);
        b.postWithToken(keptAsAsked + "/grant", Map.of("device", device.address.trytes(), "until", lastDay.toString())).then().statusCode(303);
        java.time.LocalDate shorter = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5);
        b.postWithToken(request + "/grant", Map.of("device", device.address.trytes(), "until", shorter.toString())).then().statusCode(303);
        org.iotahome.protocol.event.Authorized asAsked = (org.iotahome.protocol.event.Authorized) consentEvents(device).get(1);
        assertThat(org.iotahome.protocol.event.ConsentExpiry.of(asAsked.policy()).orElseThrow()).as("the provider's own end, not midnight")
                .isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)), java.time.Instant.now().plus(java.time.Duration.ofDays(90)));
        org.iotahome.protocol.event.Authorized granted = (org.iotahome.protocol.event.Authorized) consentEvents(device).get(2);
        assertThat(org.iotahome.protocol.event.ConsentExpiry.of(granted.policy()))
                .contains(shorter.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        // Within a week of its end the household is told, on its devices page.
        assertThat(b.get("/").asString()).contains("(ends in 5 days)", "This consent ends within a week");
        given().queryParam("iotaAddress", PROVIDER.withChecksum()).queryParam("publicKeyTrytes", PUBLIC_KEY).queryParam("goal", "g")
                .queryParam("url", "https://wattt.example/back").queryParam("expires", "last tuesday").get("/new-policy").then()
                .statusCode(400).body(containsString("expires: expires must be a duration such as P90D"));
        device.close();
    }

    @Test
    void anotherHouseholdsDeviceIsNotFoundAndNothingIsPublished() throws Exception {
        Browser alice = signedIn();
        TestDevice device = pair(alice);
        Browser mallory = signedIn();
        mallory.get("/");
        mallory.get("/devices/" + device.address.trytes() + "/delete").then().statusCode(404);
        mallory.postWithToken("/devices/" + device.address.trytes() + "/delete", Map.of()).then().statusCode(404);
        String request = consentRequest(mallory);
        mallory.get(request);
        mallory.postWithToken(request + "/grant", Map.of("device", device.address.trytes())).then().statusCode(404);
        assertThat(consentEvents(device)).extracting(ChannelEvent::type).containsExactly("DEVICE_ADDED");
        device.close();
    }

    @Test
    void aRequestWithBadParametersNamesEachProblem() {
        given().queryParam("iotaAddress", "TOO9SHORT").queryParam("publicKeyTrytes", "ABC").queryParam("url", "ftp://x")
                .when().get("/new-policy")
                .then().statusCode(400)
                .body(containsString("iotaAddress: address must be 81 trytes"))
                .body(containsString("publicKeyTrytes:"))
                .body(containsString("goal: is missing"))
                .body(containsString("url: must be an absolute http or https URL"));
    }

    @Test
    void aConsentRequestWithA5500TryteKeyComesBackToItsShortIdAfterLogin() {
        Browser anonymous = new Browser();
        assertThat(PUBLIC_KEY.length()).isGreaterThan(5000);
        String request = consentRequest(anonymous);
        assertThat(request).matches("/new-policy/[0-9a-f]{24}");
        Response toLogin = anonymous.get(request);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.header("Location")).contains("/login");
    }
}
