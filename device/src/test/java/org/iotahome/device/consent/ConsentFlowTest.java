package org.iotahome.device.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;

/** Consent as the device acts on it: grants, revocations, another device's events, deletion and expiry (ConsentFlowFixture). */
class ConsentFlowTest extends ConsentFlowFixture {
    @Test
    void anAuthorizedProviderIsKeptAndGetsTheDeviceAndConsentChannelsSealedToIt() throws IOException {
        Provider a = provider('A');
        String consentRoot = homeConsent.channel().root();
        home(new Authorized(1L, policy(a, device)));

        outcomes.awaitItems(1, WAIT);
        MamData data = a.inbox().awaitItems(1, WAIT).getItems().get(0);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.AUTHORIZED);
        assertThat(a.open(data.mamData().root())).isEqualTo(deviceChannel.nextRoot());
        assertThat(a.open(data.mamData().sideKey())).isEqualTo(DEVICE_KEY.trytes());
        assertThat(a.open(data.consent().root())).isEqualTo(consentRoot);
        assertThat(a.open(data.consent().sideKey())).isEqualTo(CONSENT_KEY.trytes());
        assertThat(providers.all()).containsExactly(a.entry());
        assertThat(publishNowRequests.get()).as("the open batch published at once for the new provider").isEqualTo(1);
        a.inbox().cancel();
    }

    @Test
    void eventsForAnotherDeviceAreIgnored() throws IOException {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, MailboxAddress.of("E".repeat(81)))));
        home(new AuthorizationRevoked(2L, policy(a, MailboxAddress.of("E".repeat(81)))));

        outcomes.awaitItems(2, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.IGNORED);
        assertThat(providers.all()).isEmpty();
        assertThat(deviceChannelUnder(DEVICE_KEY)).isEmpty();
        a.inbox().cancel();
    }

    @Test
    void consentThatExpiresEndsOnTheDevicesOwnClockWithNothingMoreFromMyHome() throws Exception {
        Provider a = provider('A');
        Provider b = provider('B');
        Provider late = provider('L');
        java.time.Instant soon = java.time.Instant.now().plusMillis(1500);
        home(new Authorized(1L, new Policy(a.entry(), "read", new Device(device, "P1"), "energy advice",
                List.of(org.iotahome.protocol.event.ConsentExpiry.condition(soon.plusMillis(999))))));
        home(new Authorized(2L, policy(b, device)));
        home(new Authorized(3L, new Policy(late.entry(), "read", new Device(device, "P1"), "energy advice",
                List.of(org.iotahome.protocol.event.ConsentExpiry.condition(java.time.Instant.now().minusSeconds(60))))));
        outcomes.awaitItems(3, WAIT);
        assertThat(outcomes.getItems()).as("an AUTHORIZED that already ended gives nothing")
                .containsExactly(ConsentProcessor.Outcome.AUTHORIZED, ConsentProcessor.Outcome.AUTHORIZED, ConsentProcessor.Outcome.IGNORED);
        assertThat(providers.all()).extracting(ServiceProvider::iotaAddress).containsExactly(a.entry().iotaAddress(), b.entry().iotaAddress());

        // My Home says nothing more: at the expiry the device rotates its key for B alone.
        await(() -> providers.all().size() == 1, "A's consent ended by itself");
        assertThat(java.time.Instant.now()).isAfterOrEqualTo(soon);
        assertThat(providers.all()).extracting(ServiceProvider::iotaAddress).containsExactly(b.entry().iotaAddress());
        await(() -> {
            try {
                return !deviceChannelUnder(DEVICE_KEY).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "the rotation is on the device channel");
        KeyRotation rotation = (KeyRotation) deviceChannelUnder(DEVICE_KEY).get(0);
        assertThat(rotation.keys()).containsOnlyKeys(b.entry().iotaAddress());
        assertThat(late.inbox().getItems()).as("no MAM_DATA for an ended consent").isEmpty();
        a.inbox().cancel();
        b.inbox().cancel();
        late.inbox().cancel();
    }

    @Test
    void revokingOneProviderRotatesTheKeyForTheOthersOnly() throws IOException {
        Provider a = provider('A');
        Provider b = provider('B');
        home(new Authorized(1L, policy(a, device)));
        home(new Authorized(2L, policy(b, device)));
        home(new AuthorizationRevoked(3L, policy(a, device)));

        outcomes.awaitItems(3, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.AUTHORIZED, ConsentProcessor.Outcome.AUTHORIZED,
                ConsentProcessor.Outcome.REVOKED);
        assertThat(providers.all()).containsExactly(b.entry());
        KeyRotation rotation = (KeyRotation) deviceChannelUnder(DEVICE_KEY).get(0);
        assertThat(rotation.keys()).containsOnlyKeys(b.entry().iotaAddress());
        SideKey next = new SideKey(b.open(rotation.keys().get(b.entry().iotaAddress())));
        assertThat(next).isEqualTo(deviceChannel.sideKey()).isNotEqualTo(DEVICE_KEY);
        a.inbox().cancel();
        b.inbox().cancel();
    }

    @Test
    void aDeletedDeviceRotatesForNoOneForgetsItsProvidersAndIsUnpaired() throws Exception {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, device)));
        home(new DeviceDeleted(2L, new Device(device, "P1")));

        await(() -> pairing.load().isEmpty(), "the device is unpaired");

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.AUTHORIZED);
        assertThat(providers.all()).isEmpty();
        assertThat(((KeyRotation) deviceChannelUnder(DEVICE_KEY).get(0)).keys()).isEmpty();
        assertThat(deviceChannel.sideKey()).isNotEqualTo(DEVICE_KEY);
        a.inbox().cancel();
    }
}
