package org.iotahome.home.pairing;

/** Pairing could not complete for a reason other than the device's refusal: a timeout or the node. */
public final class PairingException extends RuntimeException {

    public PairingException(String message) {
        super(message);
    }

    public PairingException(String message, Throwable cause) {
        super(message, cause);
    }
}
