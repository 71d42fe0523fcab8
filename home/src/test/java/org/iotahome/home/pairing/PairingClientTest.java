package org.iotahome.home.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Household;
import org.iotahome.home.household.HouseholdFold;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** My Home pairing with a device over an in-memory Tangle. */
class PairingClientTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", 0, clock::get, Duration.ofSeconds(30));
    private final HomeIdentity identity = HomeIdentity.of("H".repeat(81), new SideKey("HOUSEHOLD9KEY"));
    private TestDevice device;
    private Household household;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        device = new TestDevice(tangle, MailboxAddress.of("D".repeat(81)));
        household = new Household(new Channels(dir, identity, transport, new EventLog(transport), new SecureRandom()),
                new HouseholdFold(new EventLog(transport)), clock::incrementAndGet);
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private PairingClient client(Duration timeout) {
        return new PairingClient(tangle, identity, new Channels(dir, identity, transport, new EventLog(transport), new SecureRandom()),
                household, new FileCursorStore(dir.resolve("mailbox-cursor.json")), Duration.ofMillis(10), timeout, new SecureRandom());
    }

    @Test
    void aDeviceClaimedWithItsSecretJoinsTheHouseholdWithTheConsentChannelItReceived() throws Exception {
        PairingOutcome outcome = client(Duration.ofSeconds(20)).pair(new PairingText(device.address, device.secret));

        assertThat(outcome).isInstanceOf(PairingOutcome.Paired.class);
        PairingOutcome.Paired paired = (PairingOutcome.Paired) outcome;
        assertThat(paired.consent()).isEqualTo(device.consent.get());
        assertThat(household.state().devices())
                .containsExactly(new PairedDevice(new Device(device.address, "P1"), paired.consent(), java.util.List.of()));
    }

    @Test
    void aWrongSecretIsRefusedWithTheDevicesReasonAndNothingJoins() throws Exception {
        PairingOutcome outcome = client(Duration.ofSeconds(20)).pair(device.address, DeviceSecret.generate(new SecureRandom()));

        assertThat(outcome).isEqualTo(new PairingOutcome.Refused(PairingOutcome.Refused.Kind.OTHER, "wrong answer to the challenge"));
        assertThat(device.consent.get()).isNull();
        assertThat(household.state().devices()).isEmpty();
    }

    @Test
    void aDeviceThatNeverAnswersEndsInATimeoutNamingWhatWasAwaited() {
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).pair(MailboxAddress.of("Q".repeat(81)), device.secret))
                .isInstanceOf(PairingException.class).hasMessageContaining("no CHALLENGE from the device within");
    }
}
