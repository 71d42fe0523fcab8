package org.iotahome.protocol.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Opens envelopes sealed to one key pair; never returns text that did not authenticate. Thread-safe. */
public final class EnvelopeOpener {

    private final EnvelopeKeyPair keys;

    public EnvelopeOpener(EnvelopeKeyPair keys) {
        this.keys = keys;
    }

    public String open(Envelope envelope) {
        if (envelope.alg() != keys.alg())
            throw new EnvelopeNotOpenedException("envelope is sealed with " + envelope.alg() + ", this key is " + keys.alg());
        byte[] key = Aead.hkdf(keys.decapsulate(envelope.kem()), new byte[0], EnvelopeSealer.INFO);
        byte[] plain = Aead.open(key, envelope.iv(), envelope.ct()).orElseThrow(() -> new EnvelopeNotOpenedException(
                "envelope does not open: its tag does not verify (tampered, or sealed for another key)"));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new EnvelopeNotOpenedException("envelope opens but its plaintext is not UTF-8");
        }
    }
}
