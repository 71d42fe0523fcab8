package org.iotahome.protocol.tangle;

/** A bundle at an address that holds no readable direct message. */
public final class MalformedMessageException extends IllegalArgumentException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
