package org.iotahome.protocol.envelope;

/**
 * The AES-GCM tag did not verify. Both KEMs reject implicitly (a wrong key or a changed {@code kem}
 * yields a pseudo-random shared secret), so tampering and "sealed for another key" look the same.
 */
public final class EnvelopeNotOpenedException extends EnvelopeException {
    public EnvelopeNotOpenedException(String message) {
        super(message);
    }
}
