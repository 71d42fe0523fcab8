package org.iotahome.protocol.tangle;

/** The node could not be reached or answered 5xx (e.g. its proof-of-work queue is full): worth retrying. */
public final class NodeUnavailableException extends TangleException {

    public NodeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
