package org.iotahome.protocol.pairing;

/** A pairing text that is not {@code iotahome:pair?address=…&secret=…} with valid values. */
public final class BadPairingTextException extends PairingException {
    public BadPairingTextException(String message) {
        super(message);
    }
}
