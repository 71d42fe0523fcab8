package org.iotahome.device.pairing;

/** A pairing file in the data directory that cannot be read as what it should hold. */
public final class PairingStateException extends IllegalStateException {

    public PairingStateException(String message) {
        super(message);
    }

    public PairingStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
