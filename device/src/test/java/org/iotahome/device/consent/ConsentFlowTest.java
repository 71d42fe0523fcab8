package org.iotahome.device.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import io.smallrye.mutiny.Uni;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.ObservedMessageSource;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.pairing.DirectSender;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.device.pairing.Pairing;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.device.publish.DeviceChannel;
import org.iotahome.device.publish.MamPublisher;
import org.iotahome.device.publish.Outbox;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device following its consent channel over an in-memory Tangle, with My Home and providers as tests play them. */
class ConsentFlowTest {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SideKey DEVICE_KEY = new SideKey("DEVICE9KEY");
    private static final SideKey CONSENT_KEY = new SideKey("CONSENT9KEY");

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, WAIT);
    private final Address device = MailboxAddress.of("D".repeat(81));
    private ExecutorService worker;
    private PairingStore pairing;
    private ProviderStore providers;
    private DeviceChannel deviceChannel;
    private ChannelPublisher homeConsent;
    private AssertSubscriber<ConsentProcessor.Outcome> outcomes;
    private final StreamHealth health = new StreamHealth(Clock.systemUTC());
    /** Replies to this address fail with a fault that is no I/O, as a bug would. */
    private volatile Address poisoned;
    /** While set, the consent channel cannot be read, as when the node is down. */
    private volatile boolean unreadable;
    private final java.util.concurrent.atomic.AtomicInteger publishNowRequests = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path dir;

    @BeforeEach
    void pairAndFollow() throws IOException {
        worker = Executors.newFixedThreadPool(3);
        ChannelPublisher devicePublisher = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> MamChannel.open("D".repeat(81), MamMode.RESTRICTED, DEVICE_KEY, 2));
        deviceChannel = new DeviceChannel(devicePublisher.channel().root(), devicePublisher);
        homeConsent = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("home-consent.json")), transport,
                () -> MamChannel.open("H".repeat(81), MamMode.RESTRICTED, CONSENT_KEY, 1));
        pairing = new PairingStore(dir);
        pairing.save(Pairing.pending(new Address("H".repeat(81)), new ChannelKey(homeConsent.channel().root(), "CONSENT9KEY")));
        providers = new ProviderStore(dir);
        ConsentProcessor processor = new ConsentProcessor(device, providers, pairing, deviceChannel,
                new MamPublisher(devicePublisher, Outbox.open(dir.resolve("outbox"))),
                new DirectSender(poisonable(), "IOTAHOME9CONSENT", Clock.systemUTC(), WAIT), new EnvelopeSealer(new SecureRandom()),
                new SecureRandom(), Clock.systemUTC(), publishNowRequests::incrementAndGet);
        MessageSource source = address -> {
            if (unreadable) throw new IOException("node down (test)");
            return transport.payloadsAt(address);
        };
        outcomes = new ConsentFollower(pairing, new ObservedMessageSource(source, health, DeviceStream.CONSENT_FOLLOWER), processor, dir,
                FAST, FAST, FAST, worker, org.iotahome.protocol.event.RotatedKeys.device(device, WRAP), health, 2).outcomes()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    private Tangle poisonable() {
        return new Tangle() {
            @Override
            public Uni<List<Transaction>> attach(List<Transaction> bundle) {
                Address to = poisoned;
                if (to != null && bundle.get(0).address().equals(to.trytes()))
                    return Uni.createFrom().failure(new IllegalStateException("poisoned reply (test)"));
                return tangle.attach(bundle);
            }

            @Override
            public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
                return tangle.bundlesSince(address, cursor);
            }

            @Override
            public Uni<List<String>> trytes(List<String> hashes) {
                return tangle.trytes(hashes);
            }
        };
    }

    @AfterEach
    void stop() {
        outcomes.cancel();
        worker.shutdownNow();
    }

    /** A provider: its key pair, and what arrives at its address. */
    private record Provider(ServiceProvider entry, EnvelopeOpener opener, AssertSubscriber<MamData> inbox) {
        String open(org.iotahome.protocol.envelope.Envelope e) {
            return opener.open(e);
        }
    }

    private static final org.iotahome.protocol.pairing.ConsentWrapKey WRAP = org.iotahome.protocol.pairing.ConsentWrapKey.derive(
            new org.iotahome.protocol.pairing.DeviceSecret("DEVICE9SECRET9FOR9CONSENT9WRAP"), MailboxAddress.of("D".repeat(81)));

    private Provider provider(char letter) {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        Address address = new Address(String.valueOf(letter).repeat(81));
        AssertSubscriber<MamData> inbox = new AddressWatcher(tangle, address.trytes(), 0, FAST, FAST, FAST, CursorStore.none(), r -> {})
                .messages().map(m -> (MamData) MessageCodec.read(m.json()))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        return new Provider(new ServiceProvider(URI.create("https://" + letter + ".example"), address, keys.publicKey()),
                new EnvelopeOpener(keys), inbox);
    }

    private Policy policy(Provider p, Address forDevice) {
        return new Policy(p.entry(), "read", new Device(forDevice, "P1"), "energy advice", List.of());
    }

    private void home(ChannelEvent event) throws IOException {
        homeConsent.publish(AsciiTrytes.toTrytes(EventCodec.write(event)));
    }

    private List<ChannelEvent> deviceChannelUnder(SideKey key) throws IOException {
        ReadResult read = new ChannelReader(transport).read(deviceChannel.root(), MamMode.RESTRICTED, key);
        return read.messages().stream().map(m -> EventCodec.read(AsciiTrytes.fromTrytes(m.message()))).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

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
    void aMessageThatFailsWithAFaultOtherThanIoIsTriedThenSkippedInHealthAndTheNextIsActedOn() throws Exception {
        Provider p = provider('P');
        Provider a = provider('A');
        poisoned = p.entry().iotaAddress();
        home(new Authorized(1L, policy(p, device)));
        home(new Authorized(2L, policy(a, device)));

        a.inbox().awaitItems(1, WAIT);
        outcomes.awaitItems(2, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.AUTHORIZED);
        StreamHealth.Status status = health.status(DeviceStream.CONSENT_FOLLOWER);
        assertThat(status.failures()).isEqualTo(2);                  // the attempts, then skipped
        assertThat(status.failing()).isFalse();                      // reads since then went well
        assertThat(outcomes.getFailure()).isNull();
        p.inbox().cancel();
        a.inbox().cancel();
    }

    @Test
    void aConsentChannelThatCannotBeReadIsReportedWhileItLastsAndFollowedOnceItCanBe() throws Exception {
        await(() -> health.status(DeviceStream.CONSENT_FOLLOWER).lastOk() != null, "the first read");
        unreadable = true;
        await(() -> health.status(DeviceStream.CONSENT_FOLLOWER).failing(), "health to show the follower failing");
        assertThat(health.status(DeviceStream.CONSENT_FOLLOWER).problem()).contains("node down (test)");
        home(DeviceAdded.onConsent(1L, new Device(device, "P1")));
        Thread.sleep(200);
        assertThat(outcomes.getItems()).isEmpty();

        unreadable = false;
        outcomes.awaitItems(1, WAIT);
        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.CONFIRMED);
        assertThat(health.status(DeviceStream.CONSENT_FOLLOWER).failing()).isFalse();
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

    @Test
    void deviceAddedOnTheConsentChannelConfirmsThePendingPairing() throws Exception {
        assertThat(pairing.load().orElseThrow().confirmed()).isFalse();
        home(DeviceAdded.onConsent(1L, new Device(MailboxAddress.of("E".repeat(81)), "P1"))); // another device's: no effect
        home(DeviceAdded.onConsent(2L, new Device(device, "P1")));

        outcomes.awaitItems(2, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.CONFIRMED);
        assertThat(pairing.load().orElseThrow().confirmed()).isTrue();
    }

    @Test
    void aResetAskedForOnTheDeviceRotatesForNoOneAndUnpairs() throws Exception {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, device)));
        outcomes.awaitItems(1, WAIT);

        java.nio.file.Files.writeString(dir.resolve(org.iotahome.device.pairing.ResetRequest.NAME), "");
        await(() -> pairing.load().isEmpty() && !java.nio.file.Files.exists(dir.resolve(org.iotahome.device.pairing.ResetRequest.NAME)),
                "the reset is carried out");

        assertThat(providers.all()).isEmpty();
        assertThat(((KeyRotation) deviceChannelUnder(DEVICE_KEY).get(0)).keys()).isEmpty();
        assertThat(deviceChannel.sideKey()).isNotEqualTo(DEVICE_KEY);
        a.inbox().cancel();
    }

    @Test
    void aPendingPairingReplacedByAnotherChannelIsFollowedThere() throws Exception {
        ChannelPublisher other = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("other-consent.json")), transport,
                () -> MamChannel.open("O".repeat(81), MamMode.RESTRICTED, new SideKey("OTHER9KEY"), 1));
        String otherRoot = other.channel().root();
        pairing.save(Pairing.pending(new Address("H".repeat(81)), new ChannelKey(otherRoot, "OTHER9KEY")));
        Thread.sleep(200); // several polls: the follower notices the new pairing
        home(DeviceAdded.onConsent(1L, new Device(device, "P1"))); // on the old channel: no longer this device's pairing
        other.publish(AsciiTrytes.toTrytes(EventCodec.write(DeviceAdded.onConsent(2L, new Device(device, "P1")))));

        await(() -> pairing.load().map(Pairing::confirmed).orElse(false), "the new pairing is confirmed");
        assertThat(pairing.load().orElseThrow().consent().root()).isEqualTo(otherRoot);
    }

    @Test
    void aConsentKeyRotationWrappedForTheDeviceIsFollowedUnderTheNewKey() throws Exception {
        SideKey next = new SideKey("NEXT9CONSENT9KEY");
        homeConsent.publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(new KeyRotation(1L, java.util.Map.of(),
                java.util.Map.of(device, WRAP.wrap(next, new SecureRandom()))))), MamMode.RESTRICTED, next);
        Provider a = provider('A');
        home(new Authorized(2L, policy(a, device)));

        outcomes.awaitItems(2, WAIT);
        MamData data = a.inbox().awaitItems(1, WAIT).getItems().get(0);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.AUTHORIZED);
        // A provider authorized after a rotation receives the current key.
        assertThat(a.open(data.consent().sideKey())).isEqualTo(next.trytes());
        a.inbox().cancel();
    }

    @Test
    void aRotatedKeyThatDoesNotOpenIsRetriedAndNeverTakenForARevocation() throws Exception {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, device)));
        outcomes.awaitItems(1, WAIT);
        SideKey next = new SideKey("NEXT9CONSENT9KEY");
        org.iotahome.protocol.pairing.ConsentWrapKey wrong = org.iotahome.protocol.pairing.ConsentWrapKey.derive(
                org.iotahome.protocol.pairing.DeviceSecret.generate(new SecureRandom()), device);
        homeConsent.publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(new KeyRotation(2L, java.util.Map.of(),
                java.util.Map.of(device, wrong.wrap(next, new SecureRandom()))))), MamMode.RESTRICTED, next);
        home(new AuthorizationRevoked(3L, policy(a, device)));

        Thread.sleep(500); // many retries at FAST backoff
        assertThat(outcomes.getFailure()).isNull();
        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.AUTHORIZED);
        assertThat(providers.all()).containsExactly(a.entry());
        assertThat(pairing.load()).isPresent();
        a.inbox().cancel();
    }
}
