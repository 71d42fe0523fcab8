package org.iotahome.protocol.envelope;

/** Root of the envelope errors (PROTOCOL.md §6): bad keys, bad envelopes, envelopes that do not open. */
public class EnvelopeException extends IllegalArgumentException {
    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
