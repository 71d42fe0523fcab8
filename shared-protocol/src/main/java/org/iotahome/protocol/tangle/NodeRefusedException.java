package org.iotahome.protocol.tangle;

/** The node answered 4xx with its {@code error}: the request itself is wrong, retrying will not help. */
public final class NodeRefusedException extends TangleException {

    private final int status;

    public NodeRefusedException(int status, String command, String error) {
        super("node refused " + command + " (HTTP " + status + "): " + error);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
