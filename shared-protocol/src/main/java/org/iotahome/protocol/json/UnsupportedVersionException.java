package org.iotahome.protocol.json;

/** PROTOCOL.md §3: a reader refuses a protocol version {@code v} it does not know. */
public final class UnsupportedVersionException extends MalformedJsonException {
    public UnsupportedVersionException(String found) {
        super("v", "protocol version " + found + " is not supported, expected " + WireJson.VERSION);
    }
}
