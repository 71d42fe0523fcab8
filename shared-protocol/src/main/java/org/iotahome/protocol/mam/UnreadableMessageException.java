package org.iotahome.protocol.mam;

/**
 * After unmasking, the message hash has no valid checksum: the payload was not made under this
 * side key and root (a wrong key, a payload for another root, or corrupted trits).
 */
public final class UnreadableMessageException extends MamException {

    public UnreadableMessageException(String message) {
        super(message);
    }
}
