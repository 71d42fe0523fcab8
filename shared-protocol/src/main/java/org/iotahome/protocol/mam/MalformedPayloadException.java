package org.iotahome.protocol.mam;

/** The payload is not trytes, or a length header it carries makes no sense. */
public final class MalformedPayloadException extends MamException {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
