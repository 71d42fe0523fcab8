package org.iotahome.home.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.support.Fixtures;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, Duration.ofSeconds(30));
    private final HomeIdentity identity = HomeIdentity.of("H".repeat(81), new SideKey("HOUSEHOLD9KEY"));
    private final Address meter = MailboxAddress.of("D".repeat(81));
    private final Address other = MailboxAddress.of("E".repeat(81));

    @TempDir
    Path dir;

    @TempDir
    Path emptyDir;

    private Household household(Path data) {
        Channels channels = new Channels(data, identity, transport, new EventLog(transport));
        return new Household(channels, new HouseholdFold(new EventLog(transport)), new EventLog(transport), clock::incrementAndGet,
                new java.security.SecureRandom());
    }

    private ChannelKey pair(Household household, Address device) throws IOException {
        ChannelKey consent = new Channels(dir, identity, transport, new EventLog(transport)).nextConsent(device);
        household.added(new Device(device, "P1"), consent, Fixtures.wrapKey(device));
        return consent;
    }

    @Test
    void grantsAndRevocationsFoldIntoThePoliciesInForce() throws IOException {
        Household household = household(dir);
        ChannelKey consent = pair(household, meter);
        ServiceProvider a = Fixtures.provider('A');
        ServiceProvider b = Fixtures.provider('B');
        household.grant(Fixtures.policy(a, meter));
        household.grant(Fixtures.policy(b, meter));
        household.revoke(Fixtures.policy(a, meter));

        HouseholdState state = household.state();

        assertThat(state.devices()).containsExactly(new PairedDevice(new Device(meter, "P1"), consent,
                java.util.Optional.of(Fixtures.wrapKey(meter)), java.util.List.of(Fixtures.policy(b, meter))));
    }

    @Test
    void foldingWithoutAnyLocalFileGivesTheSameState() throws IOException {
        Household household = household(dir);
        pair(household, meter);
        pair(household, other);
        household.grant(Fixtures.policy(Fixtures.provider('A'), meter));
        household.grant(Fixtures.policy(Fixtures.provider('B'), other));
        household.delete(other);

        HouseholdState fromTheTangle = household(emptyDir).state();

        assertThat(fromTheTangle).isEqualTo(household.state());
        assertThat(fromTheTangle.devices()).extracting(d -> d.device().iotaAddress()).containsExactly(meter);
        assertThat(fromTheTangle.devices().get(0).policies()).hasSize(1);
    }

    @Test
    void deletingADeviceTellsItsConsentChannelAndForgetsItsPolicies() throws IOException {
        Household household = household(dir);
        ChannelKey consent = pair(household, meter);
        household.grant(Fixtures.policy(Fixtures.provider('A'), meter));

        household.delete(meter);

        assertThat(household.state().devices()).isEmpty();
        assertThat(new EventLog(transport).read(consent)).extracting(e -> e.type())
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "DEVICE_DELETED", "KEY_ROTATION");
    }

    @Test
    void aLostHouseholdStateFileNeverReusesALeaf() throws IOException {
        pair(household(dir), meter);
        // A My Home with no channel state file publishes after what is on the Tangle, not at its first leaf.
        household(emptyDir).added(new Device(other, "P1"), new Channels(emptyDir, identity, transport, new EventLog(transport)).nextConsent(other),
                Fixtures.wrapKey(other));

        assertThat(new EventLog(transport).read(new Channels(dir, identity, transport, new EventLog(transport)).householdKey()))
                .extracting(e -> e.type()).containsExactly("DEVICE_ADDED", "DEVICE_ADDED");
        assertThat(household(dir).state().devices()).extracting(d -> d.device().iotaAddress()).containsExactly(meter, other);
    }

    @Test
    void grantingForADeviceThatIsNotPairedIsRefused() {
        Policy policy = Fixtures.policy(Fixtures.provider('A'), meter);

        assertThatThrownBy(() -> household(dir).grant(policy)).isInstanceOf(HouseholdException.class)
                .hasMessageContaining("is not paired");
    }

    @Test
    void revokingAPolicyThatIsNotInForceIsRefused() throws IOException {
        Household household = household(dir);
        pair(household, meter);

        assertThatThrownBy(() -> household.revoke(Fixtures.policy(Fixtures.provider('A'), meter)))
                .isInstanceOf(HouseholdException.class).hasMessageContaining("no such policy");
    }

    @Test
    void withEveryLocalFileLostMyHomeFoldsTheSameStateAndCanStillRevokeAndDelete() throws IOException {
        Household first = household(dir);
        ChannelKey consent = pair(first, meter);
        ServiceProvider a = Fixtures.provider('A');
        first.grant(Fixtures.policy(a, meter));
        first.grant(Fixtures.policy(Fixtures.provider('B'), meter));

        Household fresh = household(emptyDir); // only the seed and household key: no channel state at all
        assertThat(fresh.state()).isEqualTo(first.state());
        fresh.revoke(Fixtures.policy(a, meter));
        fresh.delete(meter);

        assertThat(new EventLog(transport).read(consent)).extracting(e -> e.type())
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "KEY_ROTATION");
        assertThat(new EventLog(transport).walk(consent, org.iotahome.protocol.event.RotatedKeys.device(meter, Fixtures.wrapKey(meter)))
                .events()).extracting(e -> e.type())
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "KEY_ROTATION", "DEVICE_DELETED",
                        "KEY_ROTATION");
        assertThat(household(dir).state().devices()).isEmpty();
    }

    @Test
    void consentChannelsAreDerivedFromTheSeedAndANewPairingGetsANewOne() throws IOException {
        Channels channels = new Channels(dir, identity, transport, new EventLog(transport));
        ChannelKey firstTry = channels.nextConsent(meter);
        assertThat(new Channels(emptyDir, identity, transport, new EventLog(transport)).nextConsent(meter)).isEqualTo(firstTry);
        assertThat(channels.nextConsent(other)).isNotEqualTo(firstTry);
        household(dir).added(new Device(meter, "P1"), firstTry, Fixtures.wrapKey(meter));
        household(dir).delete(meter);

        assertThat(channels.nextConsent(meter)).isNotEqualTo(firstTry);
    }

    @Test
    void aPairingCutShortAfterTheHouseholdEventIsFinishedAtStart() throws IOException {
        Channels channels = new Channels(dir, identity, transport, new EventLog(transport));
        ChannelKey consent = channels.nextConsent(meter);
        channels.publishOnHousehold(org.iotahome.protocol.event.DeviceAdded.onHousehold(1L, new Device(meter, "P1"), consent,
                Fixtures.wrapKey(meter)));
        // crash: the consent channel never got its DEVICE_ADDED

        assertThat(household(emptyDir).finishInterrupted()).isEqualTo(1);
        assertThat(household(dir).finishInterrupted()).isZero();
        assertThat(new EventLog(transport).read(consent)).extracting(e -> e.type()).containsExactly("DEVICE_ADDED");
    }

    @Test
    void aRevocationRotatesTheConsentKeyForTheDeviceAndTheProvidersStillAuthorizedOnly() throws IOException {
        Household household = household(dir);
        ChannelKey consent = pair(household, meter);
        Fixtures.KeyedProvider a = Fixtures.keyedProvider('A');
        Fixtures.KeyedProvider b = Fixtures.keyedProvider('B');
        household.grant(Fixtures.policy(a.entry(), meter));
        household.grant(Fixtures.policy(b.entry(), meter));
        household.revoke(Fixtures.policy(a.entry(), meter));
        household.grant(Fixtures.policy(Fixtures.provider('C'), meter));

        org.iotahome.protocol.event.KeyRotation rotation = (org.iotahome.protocol.event.KeyRotation) new EventLog(transport).read(consent).get(4);
        assertThat(rotation.keys()).containsOnlyKeys(b.entry().iotaAddress());
        assertThat(rotation.wrapped()).containsOnlyKeys(meter);
        org.iotahome.protocol.envelope.EnvelopeOpener opener = new org.iotahome.protocol.envelope.EnvelopeOpener(b.keys());
        var asB = new EventLog(transport).walk(consent,
                org.iotahome.protocol.event.RotatedKeys.provider(b.entry().iotaAddress(), opener)).events();
        var asA = new EventLog(transport).walk(consent, org.iotahome.protocol.event.RotatedKeys.provider(a.entry().iotaAddress(),
                new org.iotahome.protocol.envelope.EnvelopeOpener(a.keys()))).events();
        var asDevice = new EventLog(transport).walk(consent, org.iotahome.protocol.event.RotatedKeys.device(meter, Fixtures.wrapKey(meter))).events();
        assertThat(asB).extracting(e -> e.type()).containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED",
                "KEY_ROTATION", "AUTHORIZED");
        assertThat(asDevice).isEqualTo(asB);
        assertThat(asA).extracting(e -> e.type()).containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED",
                "KEY_ROTATION");
        assertThat(household.state().devices().get(0).policies()).extracting(p -> p.serviceProvider().url().getHost())
                .containsExactly("b.example", "c.example");
    }

    @Test
    void aRevocationCutShortBeforeItsRotationIsRotatedAtStart() throws IOException {
        Household household = household(dir);
        ChannelKey consent = pair(household, meter);
        ServiceProvider a = Fixtures.provider('A');
        household.grant(Fixtures.policy(a, meter));
        PairedDevice device = household.state().devices().get(0);
        new Channels(dir, identity, transport, new EventLog(transport))
                .publishOnConsent(device, new org.iotahome.protocol.event.AuthorizationRevoked(clock.incrementAndGet(), Fixtures.policy(a, meter)));
        // crash: no KEY_ROTATION yet

        assertThat(household(emptyDir).finishInterrupted()).isEqualTo(1);
        assertThat(household(dir).finishInterrupted()).isZero();
        assertThat(new EventLog(transport).read(consent)).extracting(e -> e.type())
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "KEY_ROTATION");
    }

    @Test
    void aKeptProjectionReadsOnlyEachChannelsHeadAndFoldsTheSameAsAFullRead() throws IOException {
        Household household = household(dir);
        pair(household, meter);
        ServiceProvider a = Fixtures.provider('A');
        household.grant(Fixtures.policy(a, meter));
        ProjectionStore kept = new MemoryProjectionStore();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        org.iotahome.protocol.mam.MessageSource counting = address -> {
            reads.incrementAndGet();
            return transport.payloadsAt(address);
        };
        ChannelKey householdKey = new Channels(dir, identity, transport, new EventLog(transport)).householdKey();
        new HouseholdFold(new EventLog(counting), kept).fold(householdKey);

        household.grant(Fixtures.policy(Fixtures.provider('B'), meter));
        household.revoke(Fixtures.policy(a, meter));
        HouseholdFold again = new HouseholdFold(new EventLog(counting), kept); // a restart: the kept events, then what is new
        reads.set(0);
        HouseholdState incremental = again.fold(householdKey);
        // household channel: its head; consent channel: the three new messages and its head.
        assertThat(reads.get()).isEqualTo(1 + 3 + 1);
        assertThat(incremental).isEqualTo(new HouseholdFold(new EventLog(transport)).fold(householdKey));
        reads.set(0);
        again.fold(householdKey);
        assertThat(reads.get()).as("warm: one read at each channel's head").isEqualTo(2);
    }
}
