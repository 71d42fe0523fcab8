package org.iotahome.protocol.mam;

/**
 * A MAM payload that cannot be read as a message of the given channel: the root of this package's
 * exception tree. Each subclass names the check that failed; none ever yields a garbled message.
 */
public abstract sealed class MamException extends Exception
        permits MalformedPayloadException, TruncatedPayloadException, UnreadableMessageException,
        BadSignatureException {

    protected MamException(String message) {
        super(message);
    }
}
