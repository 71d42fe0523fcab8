package org.iotahome.protocol.json;

/** A document longer than the limit of its kind; refused before it is parsed. */
public final class OversizedJsonException extends MalformedJsonException {
    public OversizedJsonException(String kind, int length, int limit) {
        super("$", kind + " of " + length + " characters exceeds the limit of " + limit);
    }
}
