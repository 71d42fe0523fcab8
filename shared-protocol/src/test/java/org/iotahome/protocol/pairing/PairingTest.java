package org.iotahome.protocol.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.iotahome.protocol.trinary.RandomTrytes;

class PairingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Address ADDRESS = new Address("ADDRESS9".repeat(10) + "A");
    private static final Address HOME = new Address("HOME9".repeat(16) + "H");
    private static final Address ATTACKER = new Address("EVIL9".repeat(16) + "E");

    @Test
    void generatedSecretsAre27RandomTrytesAndNeverPrinted() {
        DeviceSecret a = DeviceSecret.generate(RANDOM);
        assertThat(a.trytes()).hasSize(27).matches("[9A-Z]+");
        assertThat(DeviceSecret.generate(RANDOM)).isNotEqualTo(a);
        assertThat(a.toString()).doesNotContain(a.trytes());
    }

    @Test
    void secretsShorterThan20TrytesAreRefused() {
        assertThatThrownBy(() -> new DeviceSecret("PEAR")).hasMessageContaining("20..81 trytes, was 4");
        assertThatThrownBy(() -> new DeviceSecret("pear".repeat(5))).hasMessageContaining("must be trytes");
    }

    @Test
    void challengeAndSecretFillOneKerlInput() {
        DeviceSecret s = new DeviceSecret("S".repeat(40));
        assertThat(Challenge.issue(s, RANDOM).trytes()).hasSize(203);
        assertThatThrownBy(() -> SignedChallenge.sign(new Challenge("C".repeat(200)), s)).isInstanceOf(PairingException.class)
                .hasMessageContaining("must together be 243 trytes");
    }

    @Test
    void theSealOpensOnlyWithTheSameSecretChallengeAndClaimant() {
        DeviceSecret secret = DeviceSecret.generate(RANDOM);
        Challenge challenge = Challenge.issue(secret, RANDOM);
        SealedValue sealed = PairingSeal.seal(secret, challenge, HOME, "{\"root\":\"R\"}", RANDOM);
        assertThat(PairingSeal.open(secret, challenge, HOME, sealed)).isEqualTo("{\"root\":\"R\"}");
        assertThatThrownBy(() -> PairingSeal.open(DeviceSecret.generate(RANDOM), challenge, HOME, sealed))
                .isInstanceOf(PairingSealException.class).hasMessageContaining("does not open");
        assertThatThrownBy(() -> PairingSeal.open(secret, Challenge.issue(secret, RANDOM), HOME, sealed))
                .isInstanceOf(PairingSealException.class);
        byte[] ct = sealed.ct();
        ct[0] ^= 1;
        assertThatThrownBy(() -> PairingSeal.open(secret, challenge, HOME, new SealedValue(sealed.iv(), ct)))
                .isInstanceOf(PairingSealException.class);
    }

    @Test
    void anAnswerRelayedUnderAnotherAddressNeverOpens() {
        DeviceSecret secret = DeviceSecret.generate(RANDOM);
        Challenge challenge = Challenge.issue(secret, RANDOM);
        SealedValue mine = PairingSeal.seal(secret, challenge, HOME, "{\"root\":\"R\"}", RANDOM);
        assertThatThrownBy(() -> PairingSeal.open(secret, challenge, ATTACKER, mine)).isInstanceOf(PairingSealException.class);
    }

    @Test
    void onlyTheDeviceProvesItOpenedTheSeal() {
        DeviceSecret secret = DeviceSecret.generate(RANDOM);
        Challenge challenge = Challenge.issue(secret, RANDOM);
        SealedValue proof = PairingSeal.prove(secret, challenge, HOME, RANDOM);
        assertThat(PairingSeal.proves(proof, secret, challenge, HOME)).isTrue();
        assertThat(PairingSeal.proves(proof, secret, challenge, ATTACKER)).isFalse();
        assertThat(PairingSeal.proves(proof, secret, Challenge.issue(secret, RANDOM), HOME)).isFalse();
        assertThat(PairingSeal.proves(proof, DeviceSecret.generate(RANDOM), challenge, HOME)).isFalse();
        // Sealing something else than the challenge is no proof.
        assertThat(PairingSeal.proves(PairingSeal.seal(secret, challenge, HOME, "OK", RANDOM), secret, challenge, HOME)).isFalse();
    }

    @Test
    void pairingTextRoundTripsWithTheChecksummedAddress() {
        PairingText t = new PairingText(ADDRESS, DeviceSecret.generate(RANDOM));
        assertThat(t.format()).isEqualTo("iotahome:pair?address=" + ADDRESS.withChecksum() + "&secret=" + t.secret().trytes());
        assertThat(PairingText.parse(t.format())).isEqualTo(t);
        assertThat(PairingText.parse("iotahome:pair?secret=" + t.secret().trytes() + "&address=" + ADDRESS.trytes())).isEqualTo(t);
    }

    @Test
    void badPairingTextsAreRefusedWithTheReason() {
        String secret = "S".repeat(27);
        String addr = ADDRESS.withChecksum();
        assertThatThrownBy(() -> PairingText.parse("iota:pair?address=" + addr)).isInstanceOf(BadPairingTextException.class)
                .hasMessageContaining("must start with 'iotahome:pair?'");
        assertThatThrownBy(() -> PairingText.parse("iotahome:pair?address=" + addr)).hasMessageContaining("lacks parameter 'secret'");
        assertThatThrownBy(() -> PairingText.parse("iotahome:pair?address=" + addr + "&secret=" + secret + "&secret=" + secret))
                .hasMessageContaining("repeats parameter 'secret'");
        assertThatThrownBy(() -> PairingText.parse("iotahome:pair?address=" + addr + "&secret=" + secret + "&x=1"))
                .hasMessageContaining("unknown parameter 'x'");
        String badChecksum = addr.substring(0, 89) + (addr.charAt(89) == '9' ? 'A' : '9');
        assertThatThrownBy(() -> PairingText.parse("iotahome:pair?address=" + badChecksum + "&secret=" + secret))
                .hasMessageContaining("address: address checksum");
        assertThatThrownBy(() -> PairingText.parse("iotahome:pair?address=" + addr + "&secret=PEAR"))
                .hasMessageContaining("secret: device secret must be 20..81 trytes");
    }
}
