package org.iotahome.device.identity;

/** The data directory holds a seed or side key file that cannot be the device's own. */
public final class IdentityException extends RuntimeException {

    public IdentityException(String message) {
        super(message);
    }
}
