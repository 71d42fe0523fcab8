package org.iotahome.home.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** My Home pairing with a device over an in-memory Tangle (PROTOCOL.md §4 version 2). */
class PairingClientTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, Duration.ofSeconds(30));
    private final HomeIdentity identity = HomeIdentity.of("H".repeat(81), new SideKey("HOUSEHOLD9KEY"));
    private final List<PairingStep> steps = new CopyOnWriteArrayList<>();
    private TestDevice device;
    private Household household;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        device = new TestDevice(tangle, MailboxAddress.of("D".repeat(81)));
        household = new Household(new Channels(dir, identity, transport, new EventLog(transport)),
                new HouseholdFold(new EventLog(transport)), new EventLog(transport), clock::incrementAndGet, new SecureRandom());
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private PairingClient client(Duration timeout, Duration grace) {
        return new PairingClient(tangle, identity, new Channels(dir, identity, transport, new EventLog(transport)),
                household, new FileCursorStore(dir.resolve("mailbox-cursor.json")), Duration.ofMillis(10), timeout, grace,
                new SecureRandom(), Clock.systemUTC());
    }

    private PairingClient client() {
        return client(Duration.ofSeconds(20), Duration.ofSeconds(2));
    }

    @Test
    void aDeviceClaimedWithItsSecretJoinsTheHouseholdAndItsConsentChannelIsConfirmed() throws Exception {
        PairingOutcome outcome = client().pair(new PairingText(device.address, device.secret), steps::add);

        assertThat(outcome).isInstanceOf(PairingOutcome.Paired.class);
        PairingOutcome.Paired paired = (PairingOutcome.Paired) outcome;
        assertThat(paired.consent()).isEqualTo(device.consent.get());
        assertThat(household.state().devices())
                .containsExactly(new PairedDevice(new Device(device.address, "P1"), paired.consent(),
                        java.util.Optional.of(org.iotahome.protocol.pairing.ConsentWrapKey.derive(device.secret, device.address)), List.of()));
        assertThat(new EventLog(transport).read(paired.consent())).extracting(e -> e.type()).containsExactly("DEVICE_ADDED");
        assertThat(steps).containsExactly(PairingStep.CLAIM_SENT, PairingStep.CHALLENGE_RECEIVED, PairingStep.ANSWER_SENT,
                PairingStep.RESULT_RECEIVED);
    }

    @Test
    void aWrongSecretIsRefusedAsSuchAndNothingJoins() throws Exception {
        PairingOutcome outcome = client().pair(device.address, DeviceSecret.generate(new SecureRandom()));

        assertThat(outcome).isEqualTo(new PairingOutcome.Refused(PairingOutcome.Refused.Kind.WRONG_SECRET, ClaimResult.WRONG_ANSWER));
        assertThat(device.consent.get()).isNull();
        assertThat(household.state().devices()).isEmpty();
    }

    @Test
    void aDeviceThatNeverAnswersEndsInNoAnswerWithWhatToCheck() throws Exception {
        TestDevice silent = new TestDevice(tangle, MailboxAddress.of("Q".repeat(81)), true);
        try {
            PairingOutcome outcome = client(Duration.ofMillis(500), Duration.ofMillis(100)).pair(silent.address, device.secret, steps::add);

            assertThat(outcome).isInstanceOf(PairingOutcome.NoAnswer.class);
            assertThat(((PairingOutcome.NoAnswer) outcome).lastStep()).isEqualTo(PairingStep.CLAIM_SENT);
            assertThat(((PairingOutcome.NoAnswer) outcome).advice()).contains("switched on and online");
        } finally {
            silent.close();
        }
    }

    @Test
    void aForgedNokFollowedByTheDevicesProvenOkIsSuccess() throws Exception {
        // A stranger keeps posting NOK "from the device" to My Home's address while it pairs.
        Thread forger = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                device.send(identity.address(), ClaimResult.nok(device.address, ClaimResult.ALREADY_PAIRED));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        forger.start();
        try {
            assertThat(client().pair(device.address, device.secret)).isInstanceOf(PairingOutcome.Paired.class);
        } finally {
            forger.interrupt();
            forger.join();
        }
    }

    @Test
    void anOkWithoutAValidProofIsNoAnswer() throws Exception {
        TestDevice silent = new TestDevice(tangle, MailboxAddress.of("F".repeat(81)), true);
        try {
            Thread forger = new Thread(() -> {
                DeviceSecret other = DeviceSecret.generate(new SecureRandom());
                Challenge c = Challenge.issue(other, new SecureRandom());
                silent.send(identity.address(), new ChallengeMessage(silent.address, c));
                silent.send(identity.address(), ClaimResult.ok(silent.address, PairingSeal.prove(other, c, identity.address(), new SecureRandom())));
            });
            PairingClient client = client(Duration.ofSeconds(2), Duration.ofMillis(100));
            forger.start();
            PairingOutcome outcome = client.pair(silent.address, device.secret);
            forger.join();

            assertThat(outcome).isInstanceOf(PairingOutcome.NoAnswer.class);
            assertThat(household.state().devices()).isEmpty();
        } finally {
            silent.close();
        }
    }

    @Test
    void messagesLeftFromAnEarlierAttemptAreIgnored() throws Exception {
        // A NOK posted before this attempt's claim sits at My Home's address: it must not decide this attempt.
        device.send(identity.address(), ClaimResult.nok(device.address, ClaimResult.WRONG_ANSWER));

        assertThat(client().pair(device.address, device.secret)).isInstanceOf(PairingOutcome.Paired.class);
    }

    @Test
    void killedRightAfterTheOkARetryHandsTheDeviceTheSameConsentChannelAndCompletes() throws Exception {
        PairingProgress dies = step -> {
            if (step == PairingStep.RESULT_RECEIVED) throw new IllegalStateException("My Home killed");
        };
        try {
            client().pair(device.address, device.secret, dies);
        } catch (IllegalStateException expected) {
            // the process is gone before DEVICE_ADDED
        }
        var pendingOn = device.consent.get();
        assertThat(pendingOn).isNotNull();
        assertThat(household.state().devices()).isEmpty();

        // A restarted My Home claims in a later second (a CLAIM_DEVICE's bundle is the same within one second).
        Thread.sleep(1100);
        PairingOutcome retried = client().pair(device.address, device.secret);

        assertThat(retried).isInstanceOf(PairingOutcome.Paired.class);
        assertThat(((PairingOutcome.Paired) retried).consent()).isEqualTo(pendingOn).isEqualTo(device.consent.get());
        assertThat(household.state().devices()).hasSize(1);
    }
}
