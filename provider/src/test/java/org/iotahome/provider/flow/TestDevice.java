package org.iotahome.provider.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.message.SealedChannelKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.MessageBundle;
import java.net.URI;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;

/** A device as the tests play it, with shared-protocol classes only: its restricted channel and MAM_DATA to a provider. */
final class TestDevice {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemoryTangle tangle;
    private final ChannelPublisher channel;
    private final String firstRoot;
    private final SideKey firstKey;
    private final EnvelopeSealer sealer = new EnvelopeSealer(RANDOM);
    /** The household's consent channel for this device, as My Home writes it. */
    private final ChannelPublisher consent;
    private final Address address = new Address(randomTrytes(81));

    TestDevice(InMemoryTangle tangle, Path dir) throws IOException {
        this.tangle = tangle;
        TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME9DEVICE", System::currentTimeMillis, WAIT);
        this.firstKey = new SideKey(randomTrytes(81));
        String seed = randomTrytes(81);
        this.channel = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> MamChannel.open(seed, MamMode.RESTRICTED, firstKey, 2));
        this.firstRoot = channel.channel().root();
        String consentSeed = randomTrytes(81);
        SideKey consentKey = new SideKey(randomTrytes(81));
        this.consent = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("consent.json")), transport,
                () -> MamChannel.open(consentSeed, MamMode.RESTRICTED, consentKey, 2));
    }

    String root() {
        return firstRoot;
    }

    SideKey firstKey() {
        return firstKey;
    }

    Policy policy(Address provider, EnvelopePublicKey key) {
        return policy(provider, key, List.of());
    }

    private Policy policy(Address provider, EnvelopePublicKey key, List<String> conditions) {
        return new Policy(new ServiceProvider(URI.create("https://wattt.example/back"), provider, key), "read", new Device(address, "P1"),
                "energy advice", conditions);
    }

    /** As {@link #grant}, with consent that ends by itself at {@code expires} (docs/consent-expiry.md). */
    void grantUntil(Address provider, EnvelopePublicKey to, java.time.Instant expires) throws IOException {
        String consentRoot = consent.channel().root();
        String consentKey = consent.channel().state().sideKey();
        consent.publish(AsciiTrytes.toTrytes(EventCodec.write(new Authorized(System.currentTimeMillis(),
                policy(provider, to, List.of(org.iotahome.protocol.event.ConsentExpiry.condition(expires)))))));
        mamData(provider, to, consentRoot, consentKey);
    }

    /**
     * As the household and the device do it (PROTOCOL.md §7): AUTHORIZED for the provider on the
     * consent channel, then MAM_DATA with the device channel's first root and key and the consent
     * channel from that AUTHORIZED on, each sealed to {@code to}.
     */
    void grant(Address provider, EnvelopePublicKey to) throws IOException {
        String consentRoot = consent.channel().root();
        String consentKey = consent.channel().state().sideKey();
        consent.publish(AsciiTrytes.toTrytes(EventCodec.write(new Authorized(System.currentTimeMillis(), policy(provider, to)))));
        mamData(provider, to, consentRoot, consentKey);
    }

    /** AUTHORIZED for {@code authorizedKey} at {@code provider}'s address, then MAM_DATA sealed to {@code sealedTo}. */
    void grantAs(Address provider, EnvelopePublicKey authorizedKey, EnvelopePublicKey sealedTo) throws IOException {
        String consentRoot = consent.channel().root();
        String consentKey = consent.channel().state().sideKey();
        consent.publish(AsciiTrytes.toTrytes(EventCodec.write(new Authorized(System.currentTimeMillis(), policy(provider, authorizedKey)))));
        mamData(provider, sealedTo, consentRoot, consentKey);
    }

    /** MAM_DATA alone, naming a consent channel that does not back it: what anyone can forge. */
    void forgedGrant(Address provider, EnvelopePublicKey to) {
        mamData(provider, to, consent.channel().root(), consent.channel().state().sideKey());
    }

    void revokeOnConsent(Address provider, EnvelopePublicKey key) throws IOException {
        consent.publish(AsciiTrytes.toTrytes(EventCodec.write(new AuthorizationRevoked(System.currentTimeMillis(), policy(provider, key)))));
    }

    private void mamData(Address provider, EnvelopePublicKey to, String consentRoot, String consentKey) {
        MamData data = new MamData(new SealedChannelKey(sealer.seal(to, firstRoot), sealer.seal(to, firstKey.trytes())),
                new SealedChannelKey(sealer.seal(to, consentRoot), sealer.seal(to, consentKey)));
        send(provider, MessageCodec.write(data));
    }

    void send(Address to, String json) {
        tangle.attach(MessageBundle.build(to.trytes(), "IOTAHOME9DEVICE", json, System.currentTimeMillis() / 1000)).await().atMost(WAIT);
    }

    void data(long timestamp, double delivered) throws IOException {
        JsonNode reading = JSON.createObjectNode().put("timestamp", timestamp).put("electricityDelivered", delivered);
        channel.publish(AsciiTrytes.toTrytes(EventCodec.write(new Data(timestamp, "/TEST5\r\n!0000\r\n", List.of(reading)))));
    }

    /** PROTOCOL.md §7: KEY_ROTATION under the old key with a new key for each of {@code to}, then the new key. */
    void rotate(Map<Address, EnvelopePublicKey> to) throws IOException {
        SideKey next = new SideKey(randomTrytes(81));
        Map<Address, Envelope> keys = new LinkedHashMap<>();
        to.forEach((address, key) -> keys.put(address, sealer.seal(key, next.trytes())));
        channel.publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(new KeyRotation(System.currentTimeMillis(), keys))),
                MamMode.RESTRICTED, next);
    }

    static String randomTrytes(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(RANDOM.nextInt(27));
        return new String(out);
    }
}
