package org.iotahome.protocol.envelope;

/** An {@code envelope.key} file that cannot be used: wrong shape, wrong lengths, keys that do not match. */
public final class KeyFileException extends EnvelopeException {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
