package org.iotahome.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.iotahome.protocol.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<KemAlgorithm, EnvelopeKeyPair> KEYS = new EnumMap<>(KemAlgorithm.class);
    private final EnvelopeSealer sealer = new EnvelopeSealer(RANDOM);

    private static synchronized EnvelopeKeyPair keys(KemAlgorithm alg) {
        return KEYS.computeIfAbsent(alg, a -> EnvelopeKeyPair.generate(a, RANDOM));
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void opensWhatItSealsThroughJson(KemAlgorithm alg) {
        String text = "side key \u00e9\u2713 " + alg;
        String json = EnvelopeJson.write(sealer.seal(keys(alg).publicKey(), text));
        assertThat(json).matches("\\{\"alg\":\"" + alg.wireName() + "\",\"kem\":\"[A-Za-z0-9+/=]+\",\"iv\":\"[A-Za-z0-9+/=]{16}\",\"ct\":\"[A-Za-z0-9+/=]+\"}");
        assertThat(new EnvelopeOpener(keys(alg)).open(EnvelopeJson.parse(json))).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void keySizesAreThoseOfTheReferenceClients(KemAlgorithm alg) {
        EnvelopeKeyPair k = keys(alg);
        assertThat(k.publicKey().bytes()).hasSize(alg.publicKeyBytes());
        assertThat(k.privateKey()).hasSize(alg.privateKeyBytes());
        assertThat(sealer.seal(k.publicKey(), "x").kem()).hasSize(alg.ciphertextBytes());
        assertThat(k.publicKey().toTrytes()).hasSize(alg.publicKeyTrytesLength());
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void noSingleBitFlipAnywhereOpens(KemAlgorithm alg) {
        Envelope e = sealer.seal(keys(alg).publicKey(), "the channel key");
        EnvelopeOpener opener = new EnvelopeOpener(keys(alg));
        for (String field : new String[] {"kem", "iv", "ct"}) {
            for (int bit : new int[] {0, 7, 8 * 12 - 1}) {
                byte[] kem = e.kem(), iv = e.iv(), ct = e.ct();
                byte[] target = field.equals("kem") ? kem : field.equals("iv") ? iv : ct;
                target[bit / 8] ^= (byte) (1 << (bit % 8));
                Envelope tampered = new Envelope(alg, kem, iv, ct);
                assertThatThrownBy(() -> opener.open(tampered)).as(field + " bit " + bit)
                        .isInstanceOf(EnvelopeNotOpenedException.class).hasMessageContaining("tag does not verify");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void anEnvelopeForAnotherKeyDoesNotOpen(KemAlgorithm alg) {
        Envelope e = sealer.seal(EnvelopeKeyPair.generate(alg, RANDOM).publicKey(), "not for you");
        assertThatThrownBy(() -> new EnvelopeOpener(keys(alg)).open(e)).isInstanceOf(EnvelopeNotOpenedException.class);
    }

    @Test
    void anEnvelopeOfTheOtherAlgorithmIsRefusedByName() {
        Envelope e = sealer.seal(keys(KemAlgorithm.MLKEM768).publicKey(), "x");
        assertThatThrownBy(() -> new EnvelopeOpener(keys(KemAlgorithm.SNTRUP1277)).open(e))
                .isInstanceOf(EnvelopeNotOpenedException.class).hasMessageContaining("sealed with mlkem768, this key is sntrup1277");
    }

    @Test
    void anUnknownAlgIsRefused() {
        ObjectNode n = EnvelopeJson.toNode(sealer.seal(keys(KemAlgorithm.MLKEM768).publicKey(), "x"));
        n.put("alg", "ntru-ees743");
        assertThatThrownBy(() -> EnvelopeJson.parse(WireJson.write(n))).isInstanceOf(UnknownAlgorithmException.class)
                .hasMessageContaining("unknown envelope algorithm 'ntru-ees743'").hasMessageContaining("sntrup1277");
    }

    @Test
    void badBase64IsRefusedNamingTheField() {
        ObjectNode n = EnvelopeJson.toNode(sealer.seal(keys(KemAlgorithm.MLKEM768).publicKey(), "x"));
        n.put("iv", "not*base64!");
        assertThatThrownBy(() -> EnvelopeJson.parse(WireJson.write(n))).isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("'iv'").hasMessageContaining("not base64")
                .satisfies(e -> assertThat(((MalformedEnvelopeException) e).field()).isEqualTo("iv"));
    }

    @Test
    void wrongLengthsAndMissingFieldsAreRefusedNamingTheField() {
        ObjectNode n = EnvelopeJson.toNode(sealer.seal(keys(KemAlgorithm.MLKEM768).publicKey(), "x"));
        n.put("kem", "AAAA");
        assertThatThrownBy(() -> EnvelopeJson.parse(WireJson.write(n))).isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("'kem'").hasMessageContaining("must be 1088 bytes, was 3");
        n.remove("kem");
        assertThatThrownBy(() -> EnvelopeJson.parse(WireJson.write(n))).isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("'kem'").hasMessageContaining("missing");
        assertThatThrownBy(() -> EnvelopeJson.parse("[1]")).isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void publicKeyTrytesOfTheWrongLengthOrAlphabetAreRefused() {
        String good = keys(KemAlgorithm.SNTRUP1277).publicKey().toTrytes();
        assertThatThrownBy(() -> EnvelopePublicKey.parse(good.substring(2))).isInstanceOf(BadPublicKeyException.class)
                .hasMessageContaining("5512 (sntrup1277) or 3160 (mlkem768)").hasMessageContaining("was 5510");
        assertThatThrownBy(() -> EnvelopePublicKey.parse(KemAlgorithm.MLKEM768, good)).isInstanceOf(BadPublicKeyException.class)
                .hasMessageContaining("mlkem768 publicKeyTrytes must be 3160 trytes");
        assertThatThrownBy(() -> EnvelopePublicKey.parse(good.substring(1) + "a")).isInstanceOf(BadPublicKeyException.class)
                .hasMessageContaining("must be trytes");
        // "*" is ASCII 42 = trytes "OA": valid ASCII trytes that are no base64
        assertThatThrownBy(() -> EnvelopePublicKey.parse("OA" + good.substring(2))).isInstanceOf(BadPublicKeyException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new EnvelopePublicKey(KemAlgorithm.SNTRUP1277, new byte[2066]))
                .isInstanceOf(BadPublicKeyException.class).hasMessageContaining("2067 bytes, was 2066");
    }

    @Test
    void publicKeyTrytesRoundTrip() {
        for (KemAlgorithm alg : KemAlgorithm.values())
            assertThat(EnvelopePublicKey.parse(keys(alg).publicKey().toTrytes())).isEqualTo(keys(alg).publicKey());
    }

    @Test
    void aPrivateKeyOfAnotherPublicKeyIsRefused() {
        EnvelopeKeyPair a = keys(KemAlgorithm.SNTRUP1277);
        EnvelopeKeyPair b = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, RANDOM);
        assertThatThrownBy(() -> new EnvelopeKeyPair(a.publicKey(), b.privateKey())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not belong");
    }
}
