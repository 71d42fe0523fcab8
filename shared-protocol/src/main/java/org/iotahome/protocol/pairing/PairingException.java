package org.iotahome.protocol.pairing;

/** Root of the pairing errors (PROTOCOL.md §4). */
public class PairingException extends IllegalArgumentException {
    public PairingException(String message) {
        super(message);
    }
}
