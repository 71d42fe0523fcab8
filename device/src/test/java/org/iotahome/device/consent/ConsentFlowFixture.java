package org.iotahome.device.consent;

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
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.EventCodec;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The device following its consent channel over an in-memory Tangle, with My Home and providers as
 * tests play them: the paired device, its channels, a processor and follower, and what the tests
 * inject (a poisoned reply address, an unreadable node).
 */
abstract class ConsentFlowFixture {

    static final Duration FAST = Duration.ofMillis(10);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final SideKey DEVICE_KEY = new SideKey("DEVICE9KEY");
    static final SideKey CONSENT_KEY = new SideKey("CONSENT9KEY");

    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, WAIT);
    final Address device = MailboxAddress.of("D".repeat(81));
    ExecutorService worker;
    PairingStore pairing;
    ProviderStore providers;
    DeviceChannel deviceChannel;
    ChannelPublisher homeConsent;
    AssertSubscriber<ConsentProcessor.Outcome> outcomes;
    final StreamHealth health = new StreamHealth(Clock.systemUTC());
    /** Replies to this address fail with a fault that is no I/O, as a bug would. */
    volatile Address poisoned;
    /** While set, the consent channel cannot be read, as when the node is down. */
    volatile boolean unreadable;
    final java.util.concurrent.atomic.AtomicInteger publishNowRequests = new java.util.concurrent.atomic.AtomicInteger();

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

    Tangle poisonable() {
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
    record Provider(ServiceProvider entry, EnvelopeOpener opener, AssertSubscriber<MamData> inbox) {
        String open(org.iotahome.protocol.envelope.Envelope e) {
            return opener.open(e);
        }
    }

    static final org.iotahome.protocol.pairing.ConsentWrapKey WRAP = org.iotahome.protocol.pairing.ConsentWrapKey.derive(
            new org.iotahome.protocol.pairing.DeviceSecret("DEVICE9SECRET9FOR9CONSENT9WRAP"), MailboxAddress.of("D".repeat(81)));

    Provider provider(char letter) {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        Address address = new Address(String.valueOf(letter).repeat(81));
        AssertSubscriber<MamData> inbox = new AddressWatcher(tangle, address.trytes(), 0, FAST, FAST, FAST, CursorStore.none(), r -> {})
                .messages().map(m -> (MamData) MessageCodec.read(m.json()))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        return new Provider(new ServiceProvider(URI.create("https://" + letter + ".example"), address, keys.publicKey()),
                new EnvelopeOpener(keys), inbox);
    }

    Policy policy(Provider p, Address forDevice) {
        return new Policy(p.entry(), "read", new Device(forDevice, "P1"), "energy advice", List.of());
    }

    void home(ChannelEvent event) throws IOException {
        homeConsent.publish(AsciiTrytes.toTrytes(EventCodec.write(event)));
    }

    List<ChannelEvent> deviceChannelUnder(SideKey key) throws IOException {
        ReadResult read = new ChannelReader(transport).read(deviceChannel.root(), MamMode.RESTRICTED, key);
        return read.messages().stream().map(m -> EventCodec.read(AsciiTrytes.fromTrytes(m.message()))).toList();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
