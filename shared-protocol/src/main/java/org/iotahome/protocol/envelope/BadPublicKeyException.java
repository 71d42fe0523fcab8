package org.iotahome.protocol.envelope;

/** A public key that is not trytes of base64 of a key of its algorithm's length. */
public final class BadPublicKeyException extends EnvelopeException {
    public BadPublicKeyException(String message) {
        super(message);
    }

    public BadPublicKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
