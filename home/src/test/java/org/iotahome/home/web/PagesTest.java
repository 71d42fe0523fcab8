package org.iotahome.home.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Household;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.iotahome.protocol.trinary.RandomTrytes;

@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class PagesTest {

    /** PROTOCOL.md §6: an sntrup1277 key is about 5,500 trytes, so the request line passes 16 KiB with the rest. */
    private static final String PUBLIC_KEY = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom()).publicKey().toTrytes();
    private static final Address PROVIDER = new Address("P".repeat(81));

    @Inject
    Household household;

    @Inject
    Channels channels;

    @Inject
    TangleMessageTransport transport;

    private Address device;
    private ChannelKey consent;

    @BeforeEach
    void pairADevice() throws IOException {
        device = MailboxAddress.of(RandomTrytes.of(new SecureRandom(), 81));
        consent = channels.nextConsent(device);
        household.added(new Device(device, "P1"), consent, org.iotahome.home.support.Fixtures.wrapKey(device));
    }

    private List<ChannelEvent> consentEvents() throws IOException {
        return new EventLog(transport).read(consent);
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
    void aValidRequestShowsTheProviderTheGoalAndThePairedDevices() {
        String page = given().queryParam("iotaAddress", PROVIDER.withChecksum()).queryParam("publicKeyTrytes", PUBLIC_KEY)
                .queryParam("goal", "energy advice").queryParam("url", "https://wattt.example/back")
                .when().get("/new-policy")
                .then().statusCode(200).extract().asString();

        assertThat(PUBLIC_KEY.length()).isGreaterThan(5000);
        assertThat(page).contains("https://wattt.example/back", "energy advice", device.trytes(), "Grant access");
    }

    @Test
    void grantingPublishesAuthorizedOnTheDevicesConsentChannelAndReturnsToTheProvider() throws IOException {
        given().redirects().follow(false).formParam("iotaAddress", PROVIDER.trytes()).formParam("publicKeyTrytes", PUBLIC_KEY)
                .formParam("goal", "energy advice").formParam("url", "https://wattt.example/back").formParam("device", device.trytes())
                .when().post("/new-policy")
                .then().statusCode(303).header("Location", "https://wattt.example/back");

        List<ChannelEvent> events = consentEvents();
        assertThat(events).extracting(ChannelEvent::type).containsExactly("DEVICE_ADDED", "AUTHORIZED");
        Authorized authorized = (Authorized) events.get(1);
        assertThat(authorized.policy().device().iotaAddress()).isEqualTo(device);
        assertThat(authorized.policy().serviceProvider().iotaAddress()).isEqualTo(PROVIDER);
        assertThat(authorized.policy().goal()).isEqualTo("energy advice");
        given().when().get("/").then().statusCode(200).body(containsString("https://wattt.example/back (read: energy advice)"));
    }

    @Test
    void revokingFromTheDevicesPagePublishesAuthorizationRevoked() throws IOException {
        given().redirects().follow(false).formParam("iotaAddress", PROVIDER.trytes()).formParam("publicKeyTrytes", PUBLIC_KEY)
                .formParam("goal", "energy advice").formParam("url", "https://wattt.example/back").formParam("device", device.trytes())
                .when().post("/new-policy").then().statusCode(303);

        given().redirects().follow(false).formParam("device", device.trytes()).formParam("index", 0)
                .when().post("/policies/revoke").then().statusCode(303).header("Location", containsString("/"));

        assertThat(consentEvents()).extracting(ChannelEvent::type).containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "KEY_ROTATION");
        assertThat(household.state().device(device).orElseThrow().policies()).isEmpty();
    }

    @Test
    void deletingFromTheDevicesPageRemovesTheDevice() throws IOException {
        given().redirects().follow(false).formParam("device", device.trytes())
                .when().post("/devices/delete").then().statusCode(303);

        assertThat(household.state().device(device)).isEmpty();
        assertThat(consentEvents()).extracting(ChannelEvent::type).containsExactly("DEVICE_ADDED", "DEVICE_DELETED", "KEY_ROTATION");
    }

    @Test
    void grantingForADeviceNotInTheHouseholdIsABadRequest() {
        given().formParam("iotaAddress", PROVIDER.trytes()).formParam("publicKeyTrytes", PUBLIC_KEY)
                .formParam("goal", "energy advice").formParam("url", "https://wattt.example/back")
                .formParam("device", MailboxAddress.of("Z".repeat(81)).trytes())
                .when().post("/new-policy")
                .then().statusCode(400).body(containsString("is not one of your devices"));
    }

    @Test
    void theAddDeviceFormExplainsAnUnusablePairingText() {
        given().formParam("pairingText", "not a pairing text").when().post("/devices/add")
                .then().statusCode(200).body(containsString("Not a pairing text"));
    }

    @Test
    void deletingADeviceThatIsNotPairedIsRefusedWithTheReason() {
        given().formParam("device", MailboxAddress.of("Z".repeat(81)).trytes()).when().post("/devices/delete")
                .then().statusCode(409).body(containsString("is not paired with this household"));
    }
}
