package org.iotahome.protocol.mam;

/** The signature and Merkle siblings lead to another root than the one the message was read at. */
public final class BadSignatureException extends MamException {

    private final String expectedRoot;
    private final String actualRoot;

    public BadSignatureException(String expectedRoot, String actualRoot) {
        super("signature does not verify: it leads to root " + actualRoot + ", expected " + expectedRoot
                + " (wrong side key or root, or a tampered payload)");
        this.expectedRoot = expectedRoot;
        this.actualRoot = actualRoot;
    }

    public String expectedRoot() {
        return expectedRoot;
    }

    public String actualRoot() {
        return actualRoot;
    }
}
