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

    TestDevice(InMemoryTangle tangle, Path dir) throws IOException {
        this.tangle = tangle;
        TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME9DEVICE", 0, System::currentTimeMillis, WAIT);
        this.firstKey = new SideKey(randomTrytes(81));
        String seed = randomTrytes(81);
        this.channel = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> MamChannel.open(seed, MamMode.RESTRICTED, firstKey, 2));
        this.firstRoot = channel.channel().root();
    }

    String root() {
        return firstRoot;
    }

    SideKey firstKey() {
        return firstKey;
    }

    /** PROTOCOL.md §3: MAM_DATA with the channel's first root and key, each sealed to {@code to}. */
    void grant(Address provider, EnvelopePublicKey to) {
        String consentRoot = randomTrytes(81);
        MamData data = new MamData(new SealedChannelKey(sealer.seal(to, firstRoot), sealer.seal(to, firstKey.trytes())),
                new SealedChannelKey(sealer.seal(to, consentRoot), sealer.seal(to, randomTrytes(81))));
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
