package org.iotahome.protocol.tangle;

/** A fault talking to a Tangle: the root of this package's client-side exceptions. */
public class TangleException extends RuntimeException {

    public TangleException(String message) {
        super(message);
    }

    public TangleException(String message, Throwable cause) {
        super(message, cause);
    }
}
