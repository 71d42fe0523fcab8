package org.iotahome.device.consent;

/** A consent file in the data directory that cannot be read as what it should hold. */
public final class ConsentStateException extends IllegalStateException {

    public ConsentStateException(String message) {
        super(message);
    }

    public ConsentStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
