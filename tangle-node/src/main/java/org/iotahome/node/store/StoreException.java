package org.iotahome.node.store;

/** The transaction store cannot be opened or written: a fault, never bad input. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
