package org.iotahome.device.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.subscription.Cancellable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.pairing.ChallengeBook;
import org.iotahome.protocol.pairing.ChallengePolicy;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.protocol.tangle.MessageBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pairing exchange over an in-memory Tangle: a test My Home against the device's inbox. */
class PairingExchangeTest {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final ChannelKey CONSENT = new ChannelKey("C".repeat(81), "CONSENT9KEY");

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final DeviceSecret secret = DeviceSecret.generate(new SecureRandom());
    private final Address device = MailboxAddress.of("D".repeat(81));
    private ExecutorService worker;
    private PairingStore store;
    private Cancellable running;
    private TestHome home;

    @TempDir
    Path dir;

    @BeforeEach
    void startDevice() {
        worker = Executors.newFixedThreadPool(2);
        store = new PairingStore(dir);
        ChallengeBook book = new ChallengeBook(secret, Clock.systemUTC(), new SecureRandom(), ChallengePolicy.DEFAULT);
        PairingInbox inbox = new PairingInbox(new PairingProcessor(device, secret, book, store, new SecureRandom()),
                new DirectSender(tangle, "IOTAHOME9PAIRING", Clock.systemUTC(), TestHome.WAIT), worker, FAST, FAST, 3);
        running = new AddressWatcher(tangle, device.trytes(), 0, FAST, FAST, FAST, new FileCursorStore(dir.resolve("cursor.json")),
                r -> {}).messages().onItem().transformToUniAndConcatenate(inbox::handle).subscribe().with(x -> {});
        home = new TestHome(tangle, new Address("H".repeat(81)));
    }

    @AfterEach
    void stopDevice() {
        running.cancel();
        home.close();
        worker.shutdownNow();
    }

    private ChallengeMessage claimAndGetChallenge(TestHome claimant, int nth) {
        claimant.claim(device);
        return (ChallengeMessage) claimant.received(nth);
    }

    @Test
    void aHomeThatKnowsTheSecretPairsPendingAndTheOkProvesIt() throws Exception {
        ChallengeMessage challenge = claimAndGetChallenge(home, 1);
        assertThat(challenge.sender()).isEqualTo(device);
        assertThat(challenge.challenge().trytes()).hasSize(243 - secret.trytes().length());

        home.send(device, home.answer(challenge, secret, CONSENT));

        assertThat(home.provenOk(home.received(2), challenge, secret)).isTrue();
        assertThat(store.load()).contains(Pairing.pending(home.address, CONSENT));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(PairingStore.NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void garbageWrongTypesAndAForgedClaimResultAtTheAddressGetNoAnswerAndTheInboxGoesOn() throws Exception {
        tangle.attach(MessageBundle.fromFragments(device.trytes(), "JUNK", List.of("ABC" + "9".repeat(2184)), 1_700_000_000L))
                .await().atMost(TestHome.WAIT);                                     // no JSON at all
        for (String json : List.of("{\"v\":1,\"type\":\"NO_SUCH_TYPE\"}", "{\"v\":1,\"type\":\"CLAIM_DEVICE\",\"sender\":42}",
                "{\"v\":99,\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + home.address.trytes() + "\"}", "{\"not\":\"a message\"}"))
            tangle.attach(MessageBundle.build(device.trytes(), "IOTAHOME9HOME", json, 1_700_000_000L)).await().atMost(TestHome.WAIT);
        home.send(device, new ClaimResult(home.address, ClaimResult.Status.OK, Optional.empty(), Optional.empty()));   // forged

        ChallengeMessage challenge = claimAndGetChallenge(home, 1);                // the inbox is alive, and answered nothing else

        assertThat(challenge.sender()).isEqualTo(device);
        home.send(device, home.answer(challenge, secret, CONSENT));
        assertThat(home.provenOk(home.received(2), challenge, secret)).isTrue();
        assertThat(home.all()).hasSize(2);
    }

    @Test
    void aWrongAnswerIsRefusedButLeavesTheChallengeForTheRightOne() {
        ChallengeMessage challenge = claimAndGetChallenge(home, 1);
        DeviceSecret guess = DeviceSecret.generate(new SecureRandom());

        home.send(device, home.answer(challenge, guess, CONSENT));
        assertThat(home.received(2)).isEqualTo(ClaimResult.nok(device, ClaimResult.WRONG_ANSWER));
        assertThat(store.load()).isEmpty();

        home.send(device, home.answer(challenge, secret, CONSENT));
        assertThat(home.provenOk(home.received(3), challenge, secret)).isTrue();
    }

    @Test
    void aRepeatedClaimInMyHomesNameDoesNotReplaceItsChallenge() throws Exception {
        ChallengeMessage first = claimAndGetChallenge(home, 1);
        try (TestHome stranger = new TestHome(tangle, new Address("EVIL".repeat(20) + "E"))) {
            stranger.send(device, new org.iotahome.protocol.message.ClaimDevice(home.address)); // forged sender
        }
        home.claim(device);

        home.send(device, home.answer(first, secret, CONSENT));

        // The repeated CHALLENGE is the same bundle content, so the home's watcher may see it once or twice.
        long end = System.nanoTime() + TestHome.WAIT.toNanos();
        while (home.all().stream().noneMatch(m -> home.provenOk(m, first, secret))) {
            assertThat(System.nanoTime()).as("a proven OK in time").isLessThan(end);
            Thread.sleep(20);
        }
        assertThat(home.all()).filteredOn(ChallengeMessage.class::isInstance).containsOnly(first);
    }

    @Test
    void anAnswerRelayedUnderAnotherAddressLeavesTheDeviceUnpaired() {
        try (TestHome attacker = new TestHome(tangle, new Address("EVIL".repeat(20) + "E"))) {
            ChallengeMessage toAttacker = claimAndGetChallenge(attacker, 1);
            // The attacker gets My Home to answer the attacker's challenge (a forged CHALLENGE), then relays it.
            AnswerChallenge homes = home.answer(toAttacker, secret, CONSENT);
            attacker.send(device, new AnswerChallenge(attacker.address, homes.signedChallenge(), homes.channel()));

            ClaimResult result = (ClaimResult) attacker.received(2);
            assertThat(result.status()).isEqualTo(ClaimResult.Status.NOK);
            assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("the sealed consent channel does not open"));
            assertThat(store.load()).isEmpty();
        }
        ChallengeMessage mine = claimAndGetChallenge(home, 1);
        home.send(device, home.answer(mine, secret, CONSENT));
        assertThat(home.provenOk(home.received(2), mine, secret)).isTrue();
    }

    @Test
    void aPendingPairingIsReplacedByTheNextRightAnswer() throws Exception {
        ChallengeMessage challenge = claimAndGetChallenge(home, 1);
        home.send(device, home.answer(challenge, secret, CONSENT));
        assertThat(home.provenOk(home.received(2), challenge, secret)).isTrue();

        ChannelKey retried = new ChannelKey("R".repeat(81), "RETRY9KEY");
        ChallengeMessage again = claimAndGetChallenge(home, 3);
        home.send(device, home.answer(again, secret, retried));
        assertThat(home.provenOk(home.received(4), again, secret)).isTrue();
        assertThat(store.load()).contains(Pairing.pending(home.address, retried));
    }

    @Test
    void aConfirmedDeviceRefusesAnotherClaimUntilItIsUnpaired() throws Exception {
        ChallengeMessage challenge = claimAndGetChallenge(home, 1);
        home.send(device, home.answer(challenge, secret, CONSENT));
        assertThat(home.provenOk(home.received(2), challenge, secret)).isTrue();
        assertThat(store.confirm(CONSENT.root())).isTrue();

        try (TestHome other = new TestHome(tangle, new Address("O".repeat(81)))) {
            other.claim(device);
            assertThat(other.received(1)).isEqualTo(ClaimResult.nok(device, ClaimResult.ALREADY_PAIRED));
            store.delete();
            other.claim(device);
            assertThat(other.received(2)).isInstanceOf(ChallengeMessage.class);
        }
        assertThat(home.all()).hasSize(2);
    }

    @Test
    void aRightSignatureWithAChannelSealedUnderAnotherKeyIsRefused() {
        ChallengeMessage challenge = claimAndGetChallenge(home, 1);
        AnswerChallenge right = home.answer(challenge, secret, CONSENT);
        AnswerChallenge forged = new AnswerChallenge(home.address, right.signedChallenge(),
                home.answer(challenge, DeviceSecret.generate(new SecureRandom()), CONSENT).channel());

        home.send(device, forged);

        ClaimResult result = (ClaimResult) home.received(2);
        assertThat(result.status()).isEqualTo(ClaimResult.Status.NOK);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("the sealed consent channel does not open"));
        assertThat(store.load()).isEmpty();
    }
}
