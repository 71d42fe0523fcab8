package org.iotahome.protocol.mam;

/** The payload ends before the parts its own headers announce. */
public final class TruncatedPayloadException extends MamException {

    private final int expectedTrits;
    private final int actualTrits;

    public TruncatedPayloadException(String part, int expectedTrits, int actualTrits) {
        super("payload truncated: " + part + " needs " + expectedTrits + " trits, the payload has "
                + actualTrits);
        this.expectedTrits = expectedTrits;
        this.actualTrits = actualTrits;
    }

    public int expectedTrits() {
        return expectedTrits;
    }

    public int actualTrits() {
        return actualTrits;
    }
}
