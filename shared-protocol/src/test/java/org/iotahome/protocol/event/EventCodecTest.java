package org.iotahome.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.UnknownTypeException;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long T = 1_700_000_000_123L;
    static final Address DEVICE = new Address("DEVICE9".repeat(11) + "DEVI");
    static final Address PROVIDER = new Address("PROVIDER9".repeat(9));

    static Policy policy() {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);
        return new Policy(new ServiceProvider(URI.create("https://energy.example/iotahome"), PROVIDER, keys.publicKey()),
                "read", new Device(DEVICE, "P1"), "compare with similar homes", List.of("until revoked", "no resale \u20ac"));
    }

    static Stream<ChannelEvent> everyEvent() throws Exception {
        ChannelKey consent = new ChannelKey("R".repeat(81), "SIDEKEY");
        JsonNode reading = new ObjectMapper().readTree("{\"electricity\":{\"delivered\":[1234.5,678.9]},\"id\":\"E0043\"}");
        Envelope env = new EnvelopeSealer(RANDOM).seal(EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, RANDOM).publicKey(), "NEWKEY");
        Map<Address, Envelope> keys = new LinkedHashMap<>();
        keys.put(PROVIDER, env);
        keys.put(DEVICE, env);
        org.iotahome.protocol.pairing.ConsentWrapKey wrap = org.iotahome.protocol.pairing.ConsentWrapKey.derive(
                new org.iotahome.protocol.pairing.DeviceSecret("S".repeat(27)), DEVICE);
        Map<Address, Envelope> providerOnly = Map.of(PROVIDER, env);
        return Stream.of(DeviceAdded.onHousehold(T, new Device(DEVICE, "P1"), consent, wrap), DeviceAdded.onConsent(T, new Device(DEVICE, "P1")),
                new DeviceAdded(T, new Device(DEVICE, "P1"), java.util.Optional.of(consent), java.util.Optional.empty()),
                new DeviceDeleted(T, new Device(DEVICE, "P1")),
                new Authorized(T, policy()), new AuthorizationRevoked(T + 1, policy()),
                new Data(T, "/ISK5\\2M550T-1012\r\n!F46A", List.of(reading, reading)), new Data(0, "", List.of()),
                new KeyRotation(T, keys), new KeyRotation(T, Map.of()),
                new KeyRotation(T, providerOnly, Map.of(DEVICE, wrap.wrap(new org.iotahome.protocol.mam.SideKey("NEXT9KEY"), RANDOM))));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventRoundTripsThroughAsciiJson(ChannelEvent e) {
        String json = EventCodec.write(e);
        assertThat(json).startsWith("{\"v\":1,\"type\":\"" + e.type() + "\",\"timestamp\":").matches("[\\x20-\\x7e]+");
        assertThat(EventCodec.read(json)).isEqualTo(e);
    }

    @Test
    void theOriginalDataShapeIsKept() {
        assertThat(EventCodec.write(new Data(5, "raw", List.of())))
                .isEqualTo("{\"v\":1,\"type\":\"DATA\",\"timestamp\":5,\"raw\":\"raw\",\"readings\":[]}");
    }

    @Test
    void strictReadingNamesTheNestedField() {
        String json = EventCodec.write(new Authorized(T, policy()));
        assertThatThrownBy(() -> EventCodec.read(json.replace(PROVIDER.trytes(), PROVIDER.trytes().substring(1))))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("field 'policy.serviceProvider.iotaAddress': address must be 81 trytes, was 80");
        assertThatThrownBy(() -> EventCodec.read(json.replace("\"goal\":", "\"aim\":")))
                .hasMessage("field 'policy.goal': is missing");
        assertThatThrownBy(() -> EventCodec.read(json.replace("https://energy.example/iotahome", "ftp://x")))
                .hasMessageContaining("field 'policy.serviceProvider.url': must be an absolute http(s) URL");
        assertThatThrownBy(() -> EventCodec.read(json.replace("\"publicKeyTrytes\":\"", "\"publicKeyTrytes\":\"99")))
                .hasMessageContaining("field 'policy.serviceProvider.publicKeyTrytes': publicKeyTrytes must be");
        assertThatThrownBy(() -> EventCodec.read(json.replace("\"timestamp\":" + T, "\"timestamp\":\"now\"")))
                .hasMessage("field 'timestamp': must be an integer, was string");
        assertThatThrownBy(() -> EventCodec.read(json.replace("AUTHORIZED", "AUTHORISED"))).isInstanceOf(UnknownTypeException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"v\":1,\"type\":\"DATA\",\"timestamp\":1,\"raw\":\"\",\"readings\":[1]}"))
                .hasMessage("field 'readings[0]': must be an object");
        assertThatThrownBy(() -> EventCodec.read("{\"v\":1,\"type\":\"KEY_ROTATION\",\"timestamp\":1,\"keys\":{\"ABC\":{}}}"))
                .hasMessageStartingWith("field 'keys.ABC': key is not an address");
        assertThatThrownBy(() -> EventCodec.read("{\"v\":1,\"type\":\"DEVICE_ADDED\",\"timestamp\":1,\"device\":{\"iotaAddress\":\""
                + DEVICE + "\",\"type\":\"P1\"},\"consent\":{\"root\":\"" + "R".repeat(81) + "\",\"sideKey\":\"\"}}"))
                .hasMessage("field 'consent.sideKey': sideKey must be 1..81 trytes, was 0");
    }

    static List<JsonNode> thirtyReadings() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++)
            out.add(new ObjectMapper().readTree("{\"timestamp\":\"2026-12-04T03:50:" + (10 + i) + "+01:00\",\"equipmentId\":\"E0043007"
                    + "\",\"electricity\":{\"delivered\":[" + (1234.5 + i * 0.001) + ",678.9],\"received\":[0.0,0.0],"
                    + "\"tariff\":2,\"powerDelivered\":" + (1.193 + i * 0.01) + ",\"powerReceived\":0.0,"
                    + "\"voltage\":[230.1,229.8,231.0],\"current\":[2,1,0]}}"));
        return out;
    }

    @Test
    void aBatchOfSimilarReadingsTravelsGzippedAndReadsBackTheSame() throws Exception {
        Data data = new Data(T, "/ISK5\\2M550T-1012\r\n!F46A", thirtyReadings());
        String json = EventCodec.write(data);
        assertThat(json).contains("\"readingsGz\":\"").doesNotContain("\"readings\":");
        assertThat(json.length()).isLessThan(DataReadings.plainJson(data.readings()).length() / 3);
        assertThat(EventCodec.read(json)).isEqualTo(data);
    }

    @Test
    void readingsAreDeflatedAtTheBestLevelForLessProofOfWork() throws Exception {
        // Values that wander as a meter's do, so the levels differ (identical readings deflate alike at any level).
        java.util.Random random = new java.util.Random(18);
        List<JsonNode> readings = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++)
            readings.add(new ObjectMapper().readTree("{\"meterTime\":\"2026-12-04T03:50:" + (10 + i) + "+01:00\",\"powerImportKw\":"
                    + (1 + random.nextInt(900)) / 1000.0 + ",\"phases\":[{\"voltageV\":" + (2290 + random.nextInt(30)) / 10.0
                    + ",\"currentA\":1},{\"voltageV\":" + (2290 + random.nextInt(30)) / 10.0 + ",\"currentA\":" + random.nextInt(3) + "}]}"));
        byte[] json = DataReadings.plainJson(readings).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int gzipped = java.util.Base64.getDecoder().decode(DataReadings.gzip(readings)).length;
        // RFC 1952: a 10-byte header and an 8-byte trailer around the raw deflate stream.
        assertThat(gzipped - 18).isEqualTo(rawDeflate(json, java.util.zip.Deflater.BEST_COMPRESSION))
                .isLessThan(rawDeflate(json, java.util.zip.Deflater.DEFAULT_COMPRESSION));
    }

    private static int rawDeflate(byte[] in, int level) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(level, true);
        d.setInput(in);
        d.finish();
        byte[] out = new byte[in.length + 64];
        int n = 0;
        while (!d.finished()) n += d.deflate(out, n, out.length - n);
        d.end();
        return n;
    }

    @Test
    void theSameReadingsAreReadFromEitherForm() throws Exception {
        List<JsonNode> readings = thirtyReadings();
        String head = "{\"v\":1,\"type\":\"DATA\",\"timestamp\":1,\"raw\":\"r\",";
        Data plain = (Data) EventCodec.read(head + "\"readings\":" + DataReadings.plainJson(readings) + "}");
        Data gz = (Data) EventCodec.read(head + "\"readingsGz\":\"" + DataReadings.gzip(readings) + "\"}");
        assertThat(gz).isEqualTo(plain);
        assertThat(gz.readings()).isEqualTo(readings);
    }

    @Test
    void aCorruptReadingsGzIsRefusedAsMalformedData() {
        String head = "{\"v\":1,\"type\":\"DATA\",\"timestamp\":1,\"raw\":\"r\",";
        String good = DataReadings.gzip(List.of());
        String truncated = good.substring(0, good.length() - 8);
        assertThatThrownBy(() -> EventCodec.read(head + "\"readingsGz\":\"@@@\"}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("field 'readingsGz': is not base64");
        assertThatThrownBy(() -> EventCodec.read(head + "\"readingsGz\":\"" + truncated + "\"}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("field 'readingsGz'");
        assertThatThrownBy(() -> EventCodec.read(head + "\"readingsGz\":\"aGVsbG8=\"}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("field 'readingsGz': is not gzip");
        String notArray = DataReadings.gzipJson("{\"a\":1}");
        assertThatThrownBy(() -> EventCodec.read(head + "\"readingsGz\":\"" + notArray + "\"}"))
                .hasMessageContaining("must inflate to a JSON array");
        String numbers = DataReadings.gzipJson("[1]");
        assertThatThrownBy(() -> EventCodec.read(head + "\"readingsGz\":\"" + numbers + "\"}"))
                .hasMessage("field 'readingsGz[0]': must be an object");
        assertThatThrownBy(() -> EventCodec.read(head + "\"readings\":[],\"readingsGz\":\"" + good + "\"}"))
                .isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> EventCodec.read(head.substring(0, head.length() - 1) + "}"))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void aGzipBombIsRefusedBeforeItFillsMemory() {
        // 64 MiB of spaces gzips to about 64 KiB: inside MAX_CHARS, far beyond MAX_INFLATED_BYTES.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write('[');
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) gz.write(spaces);
            gz.write(']');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String bomb = java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
        assertThat(bomb.length()).isLessThan(EventCodec.MAX_CHARS);
        assertThatThrownBy(() -> EventCodec.read("{\"v\":1,\"type\":\"DATA\",\"timestamp\":1,\"raw\":\"r\",\"readingsGz\":\"" + bomb + "\"}"))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("inflates beyond " + DataReadings.MAX_INFLATED_BYTES);
    }

    @Test
    void channelKeyRoundTripsAsTheTextSealedInAnswerChallenge() {
        ChannelKey k = new ChannelKey("R".repeat(81), "S".repeat(81));
        assertThat(ChannelKey.parse(k.toJson())).isEqualTo(k);
    }
}
