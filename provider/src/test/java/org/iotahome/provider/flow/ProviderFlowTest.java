package org.iotahome.provider.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.provider.identity.ProviderIdentity;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.readings.ReadingStore;
import org.iotahome.provider.web.StaffLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider over an in-memory Tangle, with a device played by the test: consent, readings, rotation, revocation. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class ProviderFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ProviderIdentity identity;

    @Inject
    InMemoryTangle tangle;

    @Inject
    GrantStore grants;

    @Inject
    ReadingStore readings;

    @TempDir
    Path dir;

    @Test
    void readsFromConsentOnKeepsReadingAcrossARotationAndStopsWhenLeftOut() throws Exception {
        TestDevice device = new TestDevice(tangle, dir);
        EnvelopeKeyPair stranger = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        Address strangerAddress = MailboxAddress.of(TestDevice.randomTrytes(81));

        // Junk and a MAM_DATA sealed to someone else are skipped, not fatal.
        device.send(identity.address(), "{\"v\":1,\"type\":\"NOT_A_MESSAGE\"}");
        device.grant(identity.address(), stranger.publicKey());
        device.grant(identity.address(), identity.keys().publicKey());
        device.data(1_700_000_000_000L, 1.0);
        device.data(1_700_000_010_000L, 2.0);
        await(() -> readings.count(device.root()) == 2, "the two readings are stored");
        assertThat(grants.get(device.root())).hasValueSatisfying(g -> assertThat(g.status()).isEqualTo(Grant.Status.ACTIVE));

        device.rotate(Map.of(identity.address(), identity.keys().publicKey(), strangerAddress, stranger.publicKey()));
        device.data(1_700_000_020_000L, 3.0);
        await(() -> readings.count(device.root()) == 3, "the reading under the rotated key is stored");

        device.rotate(Map.of(strangerAddress, stranger.publicKey()));
        device.data(1_700_000_030_000L, 4.0);
        await(() -> grants.get(device.root()).orElseThrow().status() == Grant.Status.REVOKED, "the grant is revoked");
        Thread.sleep(500); // ten polls: a follower that went on would find the reading by now
        assertThat(readings.count(device.root())).isEqualTo(3);

        StaffLogin.signedIn().get("/api/grants").then().statusCode(200)
                .body("find { it.device == '" + device.root() + "' }.status", org.hamcrest.Matchers.equalTo("revoked"))
                .body("find { it.device == '" + device.root() + "' }.readings", org.hamcrest.Matchers.equalTo(3));
        StaffLogin.signedIn().queryParam("device", device.root()).queryParam("limit", 2).get("/api/readings").then().statusCode(200)
                .body("electricityDelivered", contains(3.0f, 2.0f));
        StaffLogin.signedIn().queryParam("device", "A".repeat(81)).get("/api/readings").then().statusCode(404);
        StaffLogin.signedIn().queryParam("device", "short").get("/api/readings").then().statusCode(400);
        StaffLogin.signedIn().get("/api/grants").then().body("deviceAbbreviated", hasItem(device.root().substring(0, 9) + "…"));
        given().redirects().follow(false).get("/api/grants").then().statusCode(302);
        given().get("/api/identity").then().statusCode(200)
                .body("iotaAddress", org.hamcrest.Matchers.equalTo(identity.address().trytes()))
                .body("publicKeyTrytes", org.hamcrest.Matchers.equalTo(identity.publicKeyTrytes()));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void forgedMamDataIsNeverFollowedPendingOnesAreBoundedAndTheRealGrantIsFollowed() throws Exception {
        // MAM_DATA sealed to us whose consent channel holds nothing: pending, never followed, at most pending-max kept.
        // More of them than were ever checked at once (64 before): the real grant behind them still gets through.
        List<TestDevice> forgers = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            TestDevice forger = new TestDevice(tangle, dir.resolve("forger" + i));
            forger.forgedGrant(identity.address(), identity.keys().publicKey());
            if (i < 5) forger.data(1_700_000_000_000L, 9.0);
            forgers.add(forger);
        }
        // One whose consent channel authorizes another provider at our address: refused and forgotten.
        TestDevice other = new TestDevice(tangle, dir.resolve("other"));
        other.grantAs(identity.address(), EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()).publicKey(),
                identity.keys().publicKey());
        TestDevice real = new TestDevice(tangle, dir.resolve("real"));
        real.grant(identity.address(), identity.keys().publicKey());
        real.data(1_700_000_000_000L, 1.0);

        await(() -> readings.count(real.root()) == 1, "the real grant's reading is stored");
        await(() -> grants.get(other.root()).isEmpty() && grants.all().stream().filter(Grant::pending).count() <= 3,
                "the refused grant forgotten and the pending ones bounded");
        for (TestDevice f : forgers) {
            assertThat(readings.count(f.root())).isZero();
            grants.get(f.root()).ifPresent(g -> assertThat(g.status()).isEqualTo(Grant.Status.PENDING));
        }
        assertThat(readings.count(other.root())).isZero();
    }

    @Test
    void aRevocationOnTheConsentChannelMarksTheGrantRevoked() throws Exception {
        TestDevice device = new TestDevice(tangle, dir.resolve("revoked"));
        device.grant(identity.address(), identity.keys().publicKey());
        device.data(1_700_000_000_000L, 1.0);
        await(() -> readings.count(device.root()) == 1, "the reading is stored");

        device.revokeOnConsent(identity.address(), identity.keys().publicKey());

        await(() -> grants.get(device.root()).orElseThrow().status() == Grant.Status.REVOKED, "the grant is revoked");
    }

    @Test
    void aGrantWithAnEndDateShowsItAndIsMarkedExpiredAtThatMoment() throws Exception {
        TestDevice device = new TestDevice(tangle, dir.resolve("expiring"));
        java.time.Instant expires = java.time.Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the condition keeps seconds
        device.grantUntil(identity.address(), identity.keys().publicKey(), expires);
        device.data(1_700_000_000_000L, 1.0);
        await(() -> readings.count(device.root()) == 1, "the reading is stored");
        Grant active = grants.get(device.root()).orElseThrow();
        assertThat(active.status()).isEqualTo(Grant.Status.ACTIVE);
        assertThat(active.expiresAt()).hasValue(expires.toEpochMilli());
        StaffLogin.signedIn().get("/api/grants").then()
                .body("find { it.device == '" + device.root() + "' }.status", org.hamcrest.Matchers.equalTo("active"))
                .body("find { it.device == '" + device.root() + "' }.expiresAt", org.hamcrest.Matchers.equalTo(expires.toEpochMilli()));
        StaffLogin.signedIn().get("/dashboard").then().body(org.hamcrest.Matchers.containsString("expires on"));

        await(() -> grants.get(device.root()).orElseThrow().status() == Grant.Status.EXPIRED, "the grant is expired");
        long markedAt = System.currentTimeMillis();
        Grant expired = grants.get(device.root()).orElseThrow();
        assertThat(expired.revokedAt()).hasValue(expires.toEpochMilli());
        assertThat(markedAt - expires.toEpochMilli()).as("marked at its end date, not at some later check").isLessThan(1_500);
        StaffLogin.signedIn().get("/api/grants").then()
                .body("find { it.device == '" + device.root() + "' }.status", org.hamcrest.Matchers.equalTo("expired"))
                .body("find { it.device == '" + device.root() + "' }.endedAt", org.hamcrest.Matchers.equalTo(expires.toEpochMilli()));
        StaffLogin.signedIn().get("/dashboard/households/" + device.root()).then()
                .body(org.hamcrest.Matchers.containsString("Consent expired"));

        // The device leaves the provider out at expiry: the grant stays expired, not revoked.
        device.rotate(Map.of());
        device.data(1_700_000_010_000L, 2.0);
        Thread.sleep(500);
        assertThat(grants.get(device.root()).orElseThrow().status()).isEqualTo(Grant.Status.EXPIRED);
        assertThat(readings.count(device.root())).isEqualTo(1);
    }
}
