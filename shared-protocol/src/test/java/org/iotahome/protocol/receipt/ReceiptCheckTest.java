package org.iotahome.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.receipt.ReceiptCheck.Status;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts checked against a scripted consent channel on a Tangle: A granted, B granted, A
 * revoked (the key rotated for B), C granted under the new key, then the device deleted.
 */
class ReceiptCheckTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ReceiptKey HOME = new ReceiptKey(new byte[32]);
    private static final Address DEVICE = new Address("DEVICE9".repeat(11) + "DEVI");
    private static final EnvelopeKeyPair B_KEYS = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, TIMEOUT);
    private final ReceiptCheck check = new ReceiptCheck(tangle, transport, TIMEOUT);

    private static Policy policy(String provider, List<String> conditions) {
        Address address = new Address(provider.repeat(81));
        return new Policy(new ServiceProvider(URI.create("https://" + provider.toLowerCase() + ".example/back"), address,
                provider.equals("B") ? B_KEYS.publicKey() : EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM).publicKey()), "read",
                new Device(DEVICE, "P1"), "insight", conditions);
    }

    /** The channel as scripted; the receipts for A (revoked at 4 s), E (ending by itself at 6 s), B and C (under the rotated key). */
    private record Script(ConsentReceipt a, ConsentReceipt e, ConsentReceipt b, ConsentReceipt c) {}

    private Script publish(Path dir, boolean deleteAtEnd) throws Exception {
        ChannelPublisher consent = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("consent.json")), transport,
                () -> MamChannel.open("C".repeat(81), MamMode.RESTRICTED, new SideKey("FIRST9KEY"), 2));
        Policy a = policy("A", List.of());
        ConsentReceipt ra = receipt(consent, new Authorized(2_000, a));
        ConsentReceipt raExpiring = receipt(consent, new Authorized(2_500,
                policy("E", List.of(ConsentExpiry.condition(Instant.ofEpochSecond(6))))));
        ConsentReceipt rb = receipt(consent, new Authorized(3_000, policy("B", List.of())));
        publish(consent, new AuthorizationRevoked(4_000, a));
        SideKey next = new SideKey("SECOND9KEY");
        consent.publishThenChangeKey(text(new KeyRotation(4_001, Map.of(new Address("B".repeat(81)),
                new EnvelopeSealer(RANDOM).seal(B_KEYS.publicKey(), next.trytes())))), MamMode.RESTRICTED, next);
        ConsentReceipt rc = receipt(consent, new Authorized(5_000, policy("C", List.of())));
        if (deleteAtEnd) publish(consent, new DeviceDeleted(7_000, new Device(DEVICE, "P1")));
        return new Script(ra, raExpiring, rb, rc);
    }

    private ConsentReceipt receipt(ChannelPublisher consent, Authorized event) throws Exception {
        ChannelKey at = new ChannelKey(consent.channel().root(), consent.channel().state().sideKey());
        publish(consent, event);
        String bundle = EventBundle.at(tangle, at.root(), new SideKey(at.sideKey()), Optional.empty(), TIMEOUT).orElseThrow().bundleHash();
        return ConsentReceipt.signed(new ReceiptFacts(event, at, bundle, "alice", "NL", "web form"), HOME);
    }

    private static void publish(ChannelPublisher consent, ChannelEvent event) throws Exception {
        consent.publish(text(event));
    }

    private static String text(ChannelEvent event) {
        return AsciiTrytes.toTrytes(EventCodec.write(event));
    }

    private ReceiptCheck.Result at(ConsentReceipt r, long millis) throws Exception {
        return check.check(r.anchor(), KeySchedule.FIXED, Instant.ofEpochMilli(millis));
    }

    @Test
    void aRevokedConsentIsInForceFromItsGrantUntilItsRevocation(@TempDir Path dir) throws Exception {
        Script s = publish(dir, false);
        assertThat(at(s.a(), 1_999).status()).isEqualTo(Status.NOT_YET_GIVEN);
        assertThat(at(s.a(), 2_000).status()).isEqualTo(Status.IN_FORCE);
        assertThat(at(s.a(), 3_999).status()).isEqualTo(Status.IN_FORCE);
        ReceiptCheck.Result revoked = at(s.a(), 4_000);
        assertThat(revoked.onTangle()).isTrue();
        assertThat(revoked.status()).isEqualTo(Status.REVOKED);
        assertThat(revoked.endedAt()).contains(Instant.ofEpochMilli(4_000));
    }

    @Test
    void anExpiringConsentEndsAtItsEndDateEvenPastWhatItsKeyReads(@TempDir Path dir) throws Exception {
        Script s = publish(dir, false);
        assertThat(at(s.e(), 4_000).status()).isEqualTo(Status.IN_FORCE);
        assertThat(at(s.e(), 5_999).status()).as("past the rotation its key cannot open").isEqualTo(Status.UNKNOWN);
        ReceiptCheck.Result ended = at(s.e(), 6_000);
        assertThat(ended.status()).isEqualTo(Status.EXPIRED);
        assertThat(ended.endedAt()).contains(Instant.ofEpochSecond(6));
    }

    @Test
    void pastARotationItsKeyCannotOpenTheStatusIsUnknownUnlessTheProviderFollowsIt(@TempDir Path dir) throws Exception {
        Script s = publish(dir, true);
        assertThat(at(s.b(), 4_001).status()).isEqualTo(Status.IN_FORCE);
        ReceiptCheck.Result later = at(s.b(), 6_000);
        assertThat(later.status()).isEqualTo(Status.UNKNOWN);
        assertThat(later.readThrough()).contains(Instant.ofEpochMilli(4_001));

        KeySchedule asB = RotatedKeys.provider(new Address("B".repeat(81)), new EnvelopeOpener(B_KEYS));
        assertThat(check.check(s.b().anchor(), asB, Instant.ofEpochMilli(6_000)).status()).isEqualTo(Status.IN_FORCE);
        ReceiptCheck.Result deleted = check.check(s.b().anchor(), asB, Instant.ofEpochMilli(7_000));
        assertThat(deleted.status()).isEqualTo(Status.DEVICE_DELETED);
        assertThat(deleted.endedAt()).contains(Instant.ofEpochMilli(7_000));

        // C's receipt holds the rotated key: it reads to the deletion.
        assertThat(at(s.c(), 6_999).status()).isEqualTo(Status.IN_FORCE);
        assertThat(at(s.c(), 7_000).status()).isEqualTo(Status.DEVICE_DELETED);
    }

    @Test
    void anEventThatIsNotOnTheTangleAsStatedIsNoProof(@TempDir Path dir) throws Exception {
        Script s = publish(dir, false);
        ConsentReceipt.Anchor real = s.a().anchor();
        ConsentReceipt.Anchor otherGoal = new ConsentReceipt.Anchor(real.bundleHash(), real.address(), real.consentRoot(),
                real.consentSideKey(), real.timestamp(), real.device(), real.provider(), real.providerUrl(), real.action(), "marketing",
                real.conditions());
        assertThat(check.check(otherGoal, KeySchedule.FIXED, Instant.ofEpochMilli(3_000)).problem()).hasValueSatisfying(
                p -> assertThat(p).contains("another event"));
        ConsentReceipt.Anchor otherBundle = new ConsentReceipt.Anchor("9".repeat(81), real.address(), real.consentRoot(),
                real.consentSideKey(), real.timestamp(), real.device(), real.provider(), real.providerUrl(), real.action(), real.goal(),
                real.conditions());
        assertThat(check.check(otherBundle, KeySchedule.FIXED, Instant.ofEpochMilli(3_000)).onTangle()).isFalse();
        ConsentReceipt.Anchor wrongKey = new ConsentReceipt.Anchor(real.bundleHash(), real.address(), real.consentRoot(), "WRONG9KEY",
                real.timestamp(), real.device(), real.provider(), real.providerUrl(), real.action(), real.goal(), real.conditions());
        assertThat(check.check(wrongKey, KeySchedule.FIXED, Instant.ofEpochMilli(3_000)).onTangle()).isFalse();
    }
}
