package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.home.household.HouseholdState;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.home.pairing.PairingStep;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairing tried as an attacker would (PROTOCOL.md §4 version 2), against the packaged tangle node
 * and the packaged device on a real pty, with My Home in this JVM. Every message any party sends
 * goes through the node; the attacker posts what anyone can post.
 */
class PairingAttacksIT {

    private static final int MWM = TangleNode.MWM;
    private static final Duration PAIRED_IN = Duration.ofSeconds(90);
    private static final AtomicLong SECONDS = new AtomicLong(System.currentTimeMillis() / 1000);

    private static TangleNode node;
    private static String nodeUrl;

    @TempDir
    Path dir;
    private DeviceUnderTest device;
    private DeviceSecret secret;
    private final List<Inbox> watching = new ArrayList<>();

    @BeforeAll
    static void startNode() throws Exception {
        node = TangleNode.start();
        nodeUrl = node.url;
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    @BeforeEach
    void startDevice() throws Exception {
        device = DeviceUnderTest.start(dir, nodeUrl, MWM);
        secret = device.secret();
    }

    /** PROTOCOL.md §4: the secret never goes to a log; checked on every line the device wrote in every test. */
    @AfterEach
    void theDeviceLoggedNoSecret() throws Exception {
        watching.forEach(Inbox::close);
        device.close();
        String log = device.log();
        assertThat(log.lines().count()).as("the device wrote a log to check").isGreaterThan(5);
        assertThat(log).doesNotContain(secret.trytes());
        assertThat(log).doesNotContain(Files.readString(device.data.resolve("seed")).trim());
        assertThat(log).doesNotContain(Files.readString(device.data.resolve("side-key")).trim());
    }

    private MyHome home(HomeIdentity identity, String dataDir) throws Exception {
        return new MyHome(identity, Files.createDirectories(dir.resolve(dataDir)), nodeUrl, MWM);
    }

    private static void post(MyHome anyone, Address to, DirectMessage message) {
        anyone.tangle.attach(MessageBundle.build(to.trytes(), "STRANGER", MessageCodec.write(message), SECONDS.incrementAndGet()))
                .await().atMost(Duration.ofMinutes(1));
    }

    /** Everything that reaches {@code address} from now on, decoded. */
    private List<DirectMessage> watch(MyHome via, Address address) {
        Inbox inbox = new Inbox(via.tangle, address);
        watching.add(inbox);
        return inbox.all();
    }

    private static <T> T await(java.util.function.Supplier<T> found, Duration wait, String what) throws InterruptedException {
        return Inbox.await(found, wait, what);
    }

    private void assertConfirmedTo(MyHome home) throws Exception {
        device.awaitPairing(p -> p != null && p.path("confirmed").asBoolean(), PAIRED_IN, "the pairing is confirmed");
        assertThat(device.pairing().path("home").asText()).isEqualTo(home.identity.address().trytes());
    }

    @Test
    void aRelayedAnswerLeavesTheDeviceUnpairedAndMyHomeThenPairsNormally() throws Exception {
        MyHome home = home(MyHome.newIdentity(), "home");
        MyHome attacker = home(MyHome.newIdentity(), "attacker");
        Address attackerAddress = attacker.identity.address();
        List<DirectMessage> toAttacker = watch(attacker, attackerAddress);
        List<DirectMessage> atDevice = watch(attacker, device.address);

        // The attacker claims first and gets a challenge issued to its own address...
        post(attacker, device.address, new ClaimDevice(attackerAddress));
        ChallengeMessage attackersChallenge = await(() -> toAttacker.stream().filter(ChallengeMessage.class::isInstance)
                .map(ChallengeMessage.class::cast).findFirst().orElse(null), PAIRED_IN, "the attacker's challenge");
        // ...and, while My Home pairs, passes it to My Home as a CHALLENGE "from" the device. The device is frozen
        // meanwhile, so that My Home sees the attacker's challenge before the device's own.
        device.freeze();
        CompletableFuture<PairingOutcome> pairing;
        try {
            pairing = CompletableFuture.supplyAsync(() -> {
                try {
                    return home.pairing.pair(device.address, secret);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await(() -> atDevice.stream().anyMatch(m -> m instanceof ClaimDevice c && c.sender().equals(home.identity.address()))
                    ? true : null, PAIRED_IN, "My Home's claim");
            post(attacker, home.identity.address(), attackersChallenge);
            // My Home answers it (bound to its own address); the attacker relays that answer under its own address.
            SignedChallenge wanted = SignedChallenge.sign(attackersChallenge.challenge(), secret); // only to recognise it here
            AnswerChallenge homesAnswer = await(() -> atDevice.stream().filter(AnswerChallenge.class::isInstance)
                    .map(AnswerChallenge.class::cast).filter(a -> a.signedChallenge().matches(wanted)).findFirst().orElse(null),
                    PAIRED_IN, "My Home's answer to the relayed challenge");
            post(attacker, device.address, new AnswerChallenge(attackerAddress, homesAnswer.signedChallenge(), homesAnswer.channel()));
        } finally {
            device.thaw();
        }

        ClaimResult toRelay = await(() -> toAttacker.stream().filter(ClaimResult.class::isInstance).map(ClaimResult.class::cast)
                .findFirst().orElse(null), PAIRED_IN, "the device's answer to the relay");
        assertThat(toRelay.status()).isEqualTo(ClaimResult.Status.NOK);
        assertThat(toRelay.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("the sealed consent channel does not open"));
        if (device.pairing() != null) assertThat(device.pairing().path("home").asText()).isNotEqualTo(attackerAddress.trytes());

        assertThat(pairing.get()).isInstanceOf(PairingOutcome.Paired.class);
        assertConfirmedTo(home);
        assertThat(device.log()).contains("claim from " + attackerAddress + " refused: the sealed consent channel does not open");
    }

    @Test
    void aStrangerClaimingAndAnsweringWronglyEverySecondInMyHomesNameCannotStopThePairing() throws Exception {
        MyHome home = home(MyHome.newIdentity(), "home");
        MyHome stranger = home(MyHome.newIdentity(), "stranger");
        Thread spam = new Thread(() -> {
            SecureRandom random = new SecureRandom();
            DeviceSecret guess = DeviceSecret.generate(random);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    post(stranger, device.address, new ClaimDevice(home.identity.address()));
                    post(stranger, device.address, new AnswerChallenge(home.identity.address(),
                            new SignedChallenge(RandomTrytes.of(random, 81)),
                            PairingSeal.seal(guess, org.iotahome.protocol.pairing.Challenge.issue(guess, random), home.identity.address(),
                                    "{}", random)));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a failed post is one spam message less
                }
            }
        }, "spam");
        spam.start();
        try {
            Thread.sleep(2500); // the spam is under way before My Home starts
            PairingOutcome outcome = home.pairing.pair(device.address, secret);
            assertThat(outcome).isInstanceOf(PairingOutcome.Paired.class);
            assertConfirmedTo(home);
        } finally {
            spam.interrupt();
            spam.join();
        }
        assertThat(device.log()).contains(ClaimResult.WRONG_ANSWER);
    }

    @Test
    void myHomeKilledRightAfterTheOkRetriesAndTheDeviceEndsConfirmedToExactlyOneHousehold() throws Exception {
        HomeIdentity identity = MyHome.newIdentity();
        MyHome first = home(identity, "home");
        List<PairingStep> reached = new CopyOnWriteArrayList<>();
        try {
            first.pairing.pair(device.address, secret, step -> {
                reached.add(step);
                if (step == PairingStep.RESULT_RECEIVED) throw new IllegalStateException("kill -9");
            });
        } catch (IllegalStateException killed) {
            // My Home is gone between the device's OK and DEVICE_ADDED
        }
        assertThat(reached).endsWith(PairingStep.RESULT_RECEIVED);
        device.awaitPairing(p -> p != null, PAIRED_IN, "the device holds a pending pairing");
        assertThat(device.pairing().path("confirmed").asBoolean()).isFalse();

        // Restarted from the same files: nothing to finish (DEVICE_ADDED was never published), so the user pairs again.
        MyHome restarted = home(identity, "home");
        assertThat(restarted.household.finishInterrupted()).isZero();
        Thread.sleep(1100); // a new CLAIM_DEVICE bundle, not the first one again
        assertThat(restarted.pairing.pair(device.address, secret)).isInstanceOf(PairingOutcome.Paired.class);
        assertConfirmedTo(restarted);

        // Confirmed to exactly one household: another household with the secret is refused.
        MyHome other = home(MyHome.newIdentity(), "other");
        PairingOutcome refused = other.pairing.pair(device.address, secret);
        assertThat(refused).isEqualTo(new PairingOutcome.Refused(PairingOutcome.Refused.Kind.ALREADY_PAIRED, ClaimResult.ALREADY_PAIRED));
        assertConfirmedTo(restarted);
        assertThat(restarted.household.state().devices()).hasSize(1);
    }

    @Test
    void withEveryFileOfMyHomeDeletedAfterAGrantItFoldsTheSameStateAndARevokeRotatesTheDevicesKey() throws Exception {
        HomeIdentity identity = MyHome.newIdentity();
        MyHome home = home(identity, "home");
        assertThat(home.pairing.pair(device.address, secret)).isInstanceOf(PairingOutcome.Paired.class);
        assertConfirmedTo(home);

        // A provider asks and is granted: the device sends it the device channel's next root and key.
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        EnvelopeOpener opener = new EnvelopeOpener(keys);
        Address providerAddress = new Address(RandomTrytes.of(new SecureRandom(), 81));
        List<DirectMessage> toProvider = watch(home, providerAddress);
        ServiceProvider provider = new ServiceProvider(URI.create("https://wattt.example/back"), providerAddress, keys.publicKey());
        Policy policy = new Policy(provider, "read", new Device(device.address, "P1"), "energy advice", List.of());
        home.household.grant(policy);
        MamData data = await(() -> toProvider.stream().filter(MamData.class::isInstance).map(MamData.class::cast).findFirst().orElse(null),
                PAIRED_IN, "MAM_DATA at the provider");
        String root = opener.open(data.mamData().root());
        SideKey key = new SideKey(opener.open(data.mamData().sideKey()));

        // Every local file of My Home is gone: only its seed and household key are left.
        HouseholdState before = home.household.state();
        MyHome fromTheTangle = home(identity, "home-after-total-loss");
        assertThat(fromTheTangle.household.state()).isEqualTo(before);
        assertThat(before.devices()).singleElement().satisfies(d -> assertThat(d.policies()).containsExactly(policy));

        fromTheTangle.household.revoke(policy);

        KeyRotation rotation = await(() -> {
            try {
                for (var m : new ChannelReader(home.transport).read(root, MamMode.RESTRICTED, key).messages()) {
                    ChannelEvent e = EventCodec.read(AsciiTrytes.fromTrytes(m.message()));
                    if (e instanceof KeyRotation r) return r;
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        }, PAIRED_IN, "the device's KEY_ROTATION under the key the provider holds");
        assertThat(rotation.keys()).doesNotContainKey(providerAddress);
        assertThat(fromTheTangle.household.state().devices()).singleElement().satisfies(d -> assertThat(d.policies()).isEmpty());
    }
}
