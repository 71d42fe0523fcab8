package org.iotahome.protocol.storage;

/** A secret file or setting that does not hold what it must; the message never holds the secret. */
public final class SecretFileException extends IllegalStateException {

    public SecretFileException(String message) {
        super(message);
    }
}
