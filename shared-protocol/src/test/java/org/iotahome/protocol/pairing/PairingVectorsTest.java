package org.iotahome.protocol.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.iotahome.protocol.testing.Vectors;

/** Golden vectors from @iota/kerl, Node's crypto and iota.lib.js (make-pairing-vectors.js). */
class PairingVectorsTest {

    private static final JsonNode V = Vectors.json("pairing/pairing.json");

    @Test
    void signsChallengesAsIotaKerlDoes() {
        assertThat(V.get("signedChallenges")).hasSize(10);
        for (JsonNode c : V.get("signedChallenges")) {
            SignedChallenge expected = new SignedChallenge(c.get("signedChallenge").asText());
            SignedChallenge ours = SignedChallenge.sign(new Challenge(c.get("challenge").asText()), new DeviceSecret(c.get("secret").asText()));
            assertThat(ours).isEqualTo(expected);
            assertThat(ours.matches(expected)).isTrue();
        }
    }

    @Test
    void opensValuesSealedWithThePairingKeyInNodeForTheClaimantOnly() {
        assertThat(V.get("seals")).hasSize(3);
        for (JsonNode s : V.get("seals")) {
            SealedValue sealed = sealed(s.get("sealed"));
            DeviceSecret secret = new DeviceSecret(s.get("secret").asText());
            Challenge challenge = new Challenge(s.get("challenge").asText());
            Address claimant = new Address(s.get("claimant").asText());
            assertThat(PairingSeal.open(secret, challenge, claimant, sealed)).isEqualTo(s.get("plaintext").asText());
            assertThatThrownBy(() -> PairingSeal.open(secret, challenge, new Address("9".repeat(81)), sealed))
                    .isInstanceOf(PairingSealException.class);
        }
    }

    @Test
    void checksProofsMadeInNode() {
        assertThat(V.get("proofs")).hasSize(3);
        for (JsonNode p : V.get("proofs")) {
            DeviceSecret secret = new DeviceSecret(p.get("secret").asText());
            Challenge challenge = new Challenge(p.get("challenge").asText());
            Address claimant = new Address(p.get("claimant").asText());
            assertThat(PairingSeal.proves(sealed(p.get("proof")), secret, challenge, claimant)).isTrue();
            assertThat(PairingSeal.proves(sealed(p.get("proof")), secret, challenge, new Address("9".repeat(81)))).isFalse();
        }
    }

    private static SealedValue sealed(JsonNode n) {
        return new SealedValue(Base64.getDecoder().decode(n.get("iv").asText()), Base64.getDecoder().decode(n.get("ct").asText()));
    }

    @Test
    void addressChecksumsAreThoseOfIotaLibJs() {
        for (JsonNode a : V.get("addresses")) {
            Address address = new Address(a.get("address").asText());
            assertThat(address.withChecksum()).isEqualTo(a.get("withChecksum").asText());
            assertThat(Address.parse(a.get("withChecksum").asText())).isEqualTo(address);
        }
    }

    @Test
    void aWrongChecksumIsRefused() {
        String good = V.get("addresses").get(0).get("withChecksum").asText();
        String bad = good.substring(0, 89) + (good.charAt(89) == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> Address.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum").hasMessageContaining("is wrong, expected " + good.substring(81));
        assertThatThrownBy(() -> Address.parse(good.substring(0, 85))).hasMessageContaining("was 85");
    }
}
