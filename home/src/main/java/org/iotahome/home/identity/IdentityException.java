package org.iotahome.home.identity;

/** My Home's identity files or settings cannot be used; the message names the file or setting. */
public final class IdentityException extends RuntimeException {

    public IdentityException(String message) {
        super(message);
    }
}
