package org.iotahome.node.pow;

/** Every proof-of-work slot is taken: the client should retry later (HTTP 503). */
public final class PowQueueFullException extends RuntimeException {

    public PowQueueFullException(int capacity) {
        super("the node's proof-of-work queue is full (" + capacity + " bundles waiting); retry later");
    }
}
