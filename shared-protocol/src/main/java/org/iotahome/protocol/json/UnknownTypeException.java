package org.iotahome.protocol.json;

/** A {@code type} this reader does not know for the kind of document it reads. */
public final class UnknownTypeException extends MalformedJsonException {
    public UnknownTypeException(String type, String expected) {
        super("type", "unknown type '" + type + "', expected one of " + expected);
    }
}
