package org.iotahome.protocol.pairing;

/** A sealed value that does not open under the pairing key: wrong secret, wrong challenge, or tampered. */
public final class PairingSealException extends PairingException {
    public PairingSealException(String message) {
        super(message);
    }
}
