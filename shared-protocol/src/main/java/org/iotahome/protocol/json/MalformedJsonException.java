package org.iotahome.protocol.json;

/**
 * A message, event or envelope that does not follow PROTOCOL.md: names the field (a dotted path
 * such as {@code policy.serviceProvider.iotaAddress}, or {@code $} for the whole document) and
 * says what was expected and what came.
 */
public class MalformedJsonException extends IllegalArgumentException {

    private final String field;

    public MalformedJsonException(String field, String reason) {
        super(field.equals("$") ? reason : "field '" + field + "': " + reason);
        this.field = field;
    }

    public MalformedJsonException(String field, String reason, Throwable cause) {
        this(field, reason);
        initCause(cause);
    }

    /** The dotted path of the offending field, {@code $} for the document itself. */
    public String field() {
        return field;
    }
}
