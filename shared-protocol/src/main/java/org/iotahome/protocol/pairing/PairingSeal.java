package org.iotahome.protocol.pairing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.iotahome.protocol.envelope.Aead;

/**
 * The pairing key (PROTOCOL.md §4): AES-256-GCM under HKDF-SHA256(ikm = the secret's ASCII,
 * salt = the challenge's ASCII, info {@code iotahome-pairing-v1}). Anyone can post a CHALLENGE to
 * My Home, so what My Home answers with must be unreadable without the device's secret.
 */
public final class PairingSeal {

    private static final byte[] INFO = "iotahome-pairing-v1".getBytes(StandardCharsets.US_ASCII);

    private PairingSeal() {
    }

    public static SealedValue seal(DeviceSecret secret, Challenge challenge, String plaintext, SecureRandom random) {
        byte[] iv = new byte[Aead.IV_BYTES];
        random.nextBytes(iv);
        return new SealedValue(iv, Aead.seal(key(secret, challenge), iv, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public static String open(DeviceSecret secret, Challenge challenge, SealedValue sealed) {
        byte[] plain = Aead.open(key(secret, challenge), sealed.iv(), sealed.ct()).orElseThrow(() -> new PairingSealException(
                "sealed value does not open: its tag does not verify (another secret or challenge, or tampered)"));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new PairingSealException("sealed value opens but is not UTF-8");
        }
    }

    private static byte[] key(DeviceSecret secret, Challenge challenge) {
        return Aead.hkdf(secret.trytes().getBytes(StandardCharsets.US_ASCII),
                challenge.trytes().getBytes(StandardCharsets.US_ASCII), INFO);
    }
}
