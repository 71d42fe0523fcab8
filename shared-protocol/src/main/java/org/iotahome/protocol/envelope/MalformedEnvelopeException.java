package org.iotahome.protocol.envelope;

/** An envelope whose JSON or binary fields are not what PROTOCOL.md §6 says; names the field. */
public final class MalformedEnvelopeException extends EnvelopeException {

    private final String field;
    private final String reason;

    public MalformedEnvelopeException(String field, String reason) {
        super("envelope field '" + field + "': " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** Wraps a JSON-level refusal whose message already names the field. */
    public MalformedEnvelopeException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.reason = message;
    }

    /** What was wrong with the field, without its name. */
    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
