package org.iotahome.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.iotahome.protocol.testing.Vectors;

/** Golden vectors from npm ntru@4 (sntrup1277) and @noble/post-quantum (ML-KEM-768). */
class EnvelopeVectorsTest {

    private static JsonNode vector(KemAlgorithm alg) {
        return Vectors.json("envelope/" + alg.wireName() + ".json");
    }

    private static EnvelopeKeyPair theirKeys(JsonNode theirs, KemAlgorithm alg) {
        return new EnvelopeKeyPair(new EnvelopePublicKey(alg, Base64.getDecoder().decode(theirs.get("publicKey").asText())),
                Base64.getDecoder().decode(theirs.get("privateKey").asText()));
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void decapsulatesTheOraclesKemCiphertextsToItsSharedSecrets(KemAlgorithm alg) {
        JsonNode theirs = vector(alg).get("theirs");
        EnvelopeKeyPair keys = theirKeys(theirs, alg);
        assertThat(theirs.get("encapsulations")).hasSize(3);
        for (JsonNode e : theirs.get("encapsulations"))
            assertThat(Base64.getEncoder().encodeToString(keys.decapsulate(Base64.getDecoder().decode(e.get("kem").asText()))))
                    .isEqualTo(e.get("secret").asText());
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void opensEnvelopesTheOracleSealedToItsOwnKeys(KemAlgorithm alg) {
        JsonNode theirs = vector(alg).get("theirs");
        EnvelopeOpener opener = new EnvelopeOpener(theirKeys(theirs, alg));
        assertThat(theirs.get("envelopes")).hasSize(5);
        for (JsonNode e : theirs.get("envelopes"))
            assertThat(opener.open(EnvelopeJson.parse(e.get("envelope").toString()))).isEqualTo(e.get("plaintext").asText());
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void opensEnvelopesTheOracleSealedToOurKeyFile(KemAlgorithm alg) {
        JsonNode ours = vector(alg).get("ours");
        EnvelopeKeyPair keys = EnvelopeKeyFile.read(Vectors.path("envelope/" + ours.get("keyFile").asText()));
        assertThat(keys.publicKey().toTrytes()).isEqualTo(ours.get("publicKeyTrytes").asText());
        EnvelopeOpener opener = new EnvelopeOpener(keys);
        for (JsonNode e : ours.get("envelopes"))
            assertThat(opener.open(EnvelopeJson.parse(e.get("envelope").toString()))).isEqualTo(e.get("plaintext").asText());
    }

    @ParameterizedTest
    @EnumSource(KemAlgorithm.class)
    void readsTheOraclesPublicKeyTrytesAndTellsTheAlgorithmByLength(KemAlgorithm alg) {
        JsonNode theirs = vector(alg).get("theirs");
        EnvelopePublicKey key = EnvelopePublicKey.parse(theirs.get("publicKeyTrytes").asText());
        assertThat(key.alg()).isEqualTo(alg);
        assertThat(Base64.getEncoder().encodeToString(key.bytes())).isEqualTo(theirs.get("publicKey").asText());
        assertThat(key.toTrytes()).isEqualTo(theirs.get("publicKeyTrytes").asText());
    }
}
