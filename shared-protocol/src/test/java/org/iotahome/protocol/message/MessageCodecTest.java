package org.iotahome.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.stream.Stream;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.OversizedJsonException;
import org.iotahome.protocol.json.UnknownTypeException;
import org.iotahome.protocol.json.UnsupportedVersionException;
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Address HOME = new Address("HOME9".repeat(16) + "H");

    static Stream<DirectMessage> everyMessage() {
        DeviceSecret secret = DeviceSecret.generate(RANDOM);
        Challenge challenge = Challenge.issue(secret, RANDOM);
        EnvelopeKeyPair provider = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, RANDOM);
        EnvelopeSealer sealer = new EnvelopeSealer(RANDOM);
        SealedChannelKey key = new SealedChannelKey(sealer.seal(provider.publicKey(), "R".repeat(81)),
                sealer.seal(provider.publicKey(), "SIDEKEY"));
        return Stream.of(new ClaimDevice(HOME), new ChallengeMessage(HOME, challenge),
                new AnswerChallenge(HOME, SignedChallenge.sign(challenge, secret),
                        PairingSeal.seal(secret, challenge, HOME, "{\"root\":\"R\",\"sideKey\":\"S\"}", RANDOM)),
                ClaimResult.ok(HOME, PairingSeal.prove(secret, challenge, HOME, RANDOM)),
                new ClaimResult(HOME, ClaimResult.Status.OK, java.util.Optional.empty(), java.util.Optional.empty()), ClaimResult.nok(HOME, "already paired \u2013 delete me first"), new MamData(key, key));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageRoundTripsThroughAsciiJson(DirectMessage m) {
        String json = MessageCodec.write(m);
        assertThat(json).startsWith("{\"v\":1,\"type\":\"" + m.type() + "\"").matches("[\\x20-\\x7e]+");
        assertThat(MessageCodec.read(json)).isEqualTo(m);
        assertThat(json.length()).isLessThan(MessageCodec.MAX_CHARS / 2);
    }

    @Test
    void nonAsciiIsWrittenAsUnicodeEscapes() {
        assertThat(MessageCodec.write(ClaimResult.nok(HOME, "caf\u00e9 \ud83d\ude00"))).contains("caf\\u00E9 \\uD83D\\uDE00");
    }

    @Test
    void theOriginalShapesAreKept() {
        assertThat(MessageCodec.write(new ClaimDevice(HOME))).isEqualTo("{\"v\":1,\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + HOME + "\"}");
        assertThat(MessageCodec.write(ClaimResult.nok(HOME, "no"))).isEqualTo(
                "{\"v\":1,\"type\":\"CLAIM_RESULT\",\"sender\":\"" + HOME + "\",\"status\":\"NOK\",\"reason\":\"no\"}");
    }

    @Test
    void strictReadingNamesTheField() {
        String claim = "{\"v\":1,\"type\":\"CLAIM_DEVICE\",\"sender\":\"%s\"}";
        assertThatThrownBy(() -> MessageCodec.read(String.format(claim, "A".repeat(80)))).isInstanceOf(MalformedJsonException.class)
                .hasMessage("field 'sender': address must be 81 trytes, was 80");
        assertThatThrownBy(() -> MessageCodec.read(String.format(claim, HOME.withChecksum())))
                .hasMessageContaining("'sender'").hasMessageContaining("was 90");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"CLAIM_DEVICE\"}")).hasMessage("field 'sender': is missing");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"STEAL_DEVICE\",\"sender\":\"" + HOME + "\"}"))
                .isInstanceOf(UnknownTypeException.class).hasMessageContaining("unknown type 'STEAL_DEVICE'");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":2,\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + HOME + "\"}"))
                .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining("protocol version 2 is not supported");
        assertThatThrownBy(() -> MessageCodec.read("{\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + HOME + "\"}"))
                .hasMessage("field 'v': is missing");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + HOME + "\",\"x\":1}"))
                .hasMessageContaining("field 'x': is not a field");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"CLAIM_RESULT\",\"sender\":\"" + HOME + "\",\"status\":\"MAYBE\"}"))
                .hasMessageContaining("field 'status': must be OK or NOK, was 'MAYBE'");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"CLAIM_RESULT\",\"sender\":\"" + HOME + "\",\"status\":\"NOK\"}"))
                .hasMessage("field 'reason': is missing");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"type\":\"CLAIM_DEVICE\",\"sender\":\"" + HOME + "\"} x"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MessageCodec.read("{\"v\":1,\"v\":1}")).hasMessageContaining("Duplicate field 'v'");
    }

    @Test
    void nestedErrorsNameTheFullPath() {
        String json = MessageCodec.write(everyMessage().filter(MamData.class::isInstance).findFirst().orElseThrow());
        String broken = json.replaceFirst("\"iv\":\"[^\"]+\"", "\"iv\":\"AAAA\"");
        assertThatThrownBy(() -> MessageCodec.read(broken)).isInstanceOf(MalformedJsonException.class)
                .hasMessage("field 'mamData.root.iv': must be 12 bytes, was 3");
        String badAlg = json.replaceFirst("\"alg\":\"sntrup1277\"", "\"alg\":\"rsa\"");
        assertThatThrownBy(() -> MessageCodec.read(badAlg)).hasMessageStartingWith("field 'mamData.root.alg': unknown envelope algorithm 'rsa'");
    }

    @Test
    void oversizedMessagesAreRefusedBeforeParsing() {
        String huge = "{\"v\":1,\"type\":\"CLAIM_RESULT\",\"sender\":\"" + HOME + "\",\"status\":\"NOK\",\"reason\":\""
                + "x".repeat(MessageCodec.MAX_CHARS) + "\"}";
        assertThatThrownBy(() -> MessageCodec.read(huge)).isInstanceOf(OversizedJsonException.class)
                .hasMessageContaining("exceeds the limit of 32768");
    }
}
