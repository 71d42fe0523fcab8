package org.iotahome.protocol.pairing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.iotahome.protocol.envelope.Aead;
import org.iotahome.protocol.tangle.Address;

/**
 * The pairing key (PROTOCOL.md §4, version 2): AES-256-GCM under HKDF-SHA256(ikm = the secret's
 * ASCII, salt = the challenge's ASCII, info {@code iotahome-pairing-v1}), with the claimant's
 * 81-tryte address in ASCII as associated data. Anyone can post a CHALLENGE to My Home, so what My
 * Home answers with must be unreadable without the device's secret; and the seal is bound to the
 * address the challenge was issued to, so an answer relayed under another address never opens.
 */
public final class PairingSeal {

    private static final byte[] INFO = "iotahome-pairing-v1".getBytes(StandardCharsets.US_ASCII);

    private PairingSeal() {
    }

    public static SealedValue seal(DeviceSecret secret, Challenge challenge, Address claimant, String plaintext, SecureRandom random) {
        byte[] iv = new byte[Aead.IV_BYTES];
        random.nextBytes(iv);
        return new SealedValue(iv, Aead.seal(key(secret, challenge), iv, plaintext.getBytes(StandardCharsets.UTF_8), aad(claimant)));
    }

    public static String open(DeviceSecret secret, Challenge challenge, Address claimant, SealedValue sealed) {
        byte[] plain = Aead.open(key(secret, challenge), sealed.iv(), sealed.ct(), aad(claimant)).orElseThrow(() -> new PairingSealException(
                "sealed value does not open: its tag does not verify (another secret, challenge or claimant, or tampered)"));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new PairingSealException("sealed value opens but is not UTF-8");
        }
    }

    /**
     * CLAIM_RESULT OK's {@code proof} (PROTOCOL.md §4): the challenge sealed with the pairing key
     * for {@code claimant}. Only a device that knows the secret can make it, so My Home accepts
     * an OK only with one.
     */
    public static SealedValue prove(DeviceSecret secret, Challenge challenge, Address claimant, SecureRandom random) {
        return seal(secret, challenge, claimant, challenge.trytes(), random);
    }

    /** Whether {@code proof} is the device's proof for this challenge and claimant. */
    public static boolean proves(SealedValue proof, DeviceSecret secret, Challenge challenge, Address claimant) {
        try {
            return challenge.trytes().equals(open(secret, challenge, claimant, proof));
        } catch (PairingSealException e) {
            return false;
        }
    }

    private static byte[] key(DeviceSecret secret, Challenge challenge) {
        return Aead.hkdf(secret.trytes().getBytes(StandardCharsets.US_ASCII),
                challenge.trytes().getBytes(StandardCharsets.US_ASCII), INFO);
    }

    private static byte[] aad(Address claimant) {
        return claimant.trytes().getBytes(StandardCharsets.US_ASCII);
    }
}
