package org.iotahome.provider.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.iotahome.provider.dashboard.PowerPoint;
import org.iotahome.provider.flow.FreshDataDir;
import org.iotahome.provider.identity.ProviderIdentity;
import org.junit.jupiter.api.Test;

/** The provider's pages over HTTP: public landing and return pages, the consent request, the staff login and the dashboard. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(PagesProfile.class)
class PagesTest {

    @Inject
    ProviderIdentity identity;

    @Inject
    FakeDashboard dashboard;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theLandingPageSendsTheHouseholdToMyHomeWithTheConsentRequest() {
        given().get("/").then().statusCode(200).body(containsString("Connect your smart meter"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'")).header("X-Frame-Options", "DENY");
        String location = given().redirects().follow(false).get("/connect").then().statusCode(303).extract().header("Location");
        assertThat(location).startsWith("http://localhost:8081/new-policy?");
        String query = URLDecoder.decode(URI.create(location).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("iotaAddress=" + identity.address().trytes(), "publicKeyTrytes=" + identity.publicKeyTrytes(),
                "goal=Energy insight for your home", "url=http://localhost:8080/connected");
    }

    @Test
    void theReturnPageSaysWhatTheHouseholdDecided() {
        String device = "D".repeat(81);
        given().queryParam("consent", "granted").queryParam("device", device).get("/connected").then().statusCode(200)
                .body(containsString("Your smart meter is connected"), containsString("DDDDDDDDDDDD…"));
        given().queryParam("consent", "denied").get("/connected").then().body(containsString("Nothing was shared"));
        given().queryParam("consent", "granted").queryParam("device", "<script>").get("/connected").then()
                .body(containsString("We could not tell what you decided"), not(containsString("<script>")));
    }

    @Test
    void failedStaffLoginsAreThrottledPerAddress() throws Exception {
        for (int i = 0; i < 5; i++)
            given().redirects().follow(false).formParam("j_username", "staff").formParam("j_password", "guess" + i).post("/j_security_check")
                    .then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().redirects().follow(false).formParam("j_username", "staff").formParam("j_password", StaffLogin.PASSWORD).post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?throttled=true"));
        given().get("/login?throttled=true").then().body(containsString("Too many failed sign-ins"));
        Thread.sleep(2_500); // the test profile's window
        StaffLogin.signedIn().get("/dashboard").then().statusCode(200);
    }

    @Test
    void theDashboardNeedsTheStaffLogin() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).formParam("j_username", "staff").formParam("j_password", "wrong").post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().redirects().follow(false).header("Origin", "https://evil.example").formParam("j_username", "staff")
                .formParam("j_password", StaffLogin.PASSWORD).post("/j_security_check").then().statusCode(403);
        StaffLogin.signedIn().get("/dashboard").then().statusCode(200)
                .body(containsString("Connected households"), containsString("/dashboard/households/" + FakeDashboard.ROOT),
                        containsString("Sharing"), containsString("Sign out (staff)"));
    }

    @Test
    void aHouseholdPageGivesItsPowerAndDaysAndAnUnknownOneIsNotFound() {
        long now = System.currentTimeMillis();
        dashboard.add(new PowerPoint(now - 60_000, 0.5, 0.0, List.of(0.2, 0.2, 0.1), 1234.5));
        String page = "/dashboard/households/" + FakeDashboard.ROOT;
        StaffLogin.signedIn().get(page).then().statusCode(200).body(containsString("uPlot.iife.min.js"), containsString("Energy per day"));
        StaffLogin.signedIn().get(page + "/power?minutes=5").then().statusCode(200).body("importKw", org.hamcrest.Matchers.hasItem(0.5f));
        StaffLogin.signedIn().get(page + "/days?days=2").then().statusCode(200).body("[0].importKwh", equalTo(9.5f));
        StaffLogin.signedIn().get("/dashboard/households/" + "A".repeat(81)).then().statusCode(404);
        StaffLogin.signedIn().get("/dashboard/households/not-trytes/power").then().statusCode(404);
        given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
        given().get("/static/household.js").then().statusCode(200).body(startsWith("//"));
    }

    @Test
    void theLiveFeedSendsPowerStoredAfterThePageOpened() throws Exception {
        long opened = System.currentTimeMillis();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/dashboard/households/" + FakeDashboard.ROOT + "/live?after=" + opened))
                .header("Cookie", StaffPages.SESSION_COOKIE + "=" + StaffLogin.sessionCookie()).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) if (line.startsWith("data:")) return line;
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        dashboard.add(new PowerPoint(opened + 1000, 1.25, 0.0, List.of(), null));
        assertThat(firstEvent.get(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)).contains("\"importKw\":1.25");
    }
}
