package org.iotahome.protocol.mam;

import org.iotahome.protocol.trinary.Trytes;

/**
 * The key a restricted channel is masked under: up to 81 trytes, used right-padded with '9'
 * (PROTOCOL.md §5). Public and private channels use {@link #NONE}, all '9'.
 */
public record SideKey(String trytes) {

    public static final int LENGTH = 81;
    public static final SideKey NONE = new SideKey("9".repeat(LENGTH));

    public SideKey {
        Trytes.requireTrytes("side key", trytes);
        if (trytes.isEmpty() || trytes.length() > LENGTH)
            throw new IllegalArgumentException("side key must be 1 to 81 trytes, was " + trytes.length());
        trytes = Trytes.padRight(trytes, LENGTH);
    }

    /** The key a payload of {@code mode} is masked under: this one only when restricted. */
    public SideKey effectiveFor(MamMode mode) {
        return mode == MamMode.RESTRICTED ? this : NONE;
    }

    byte[] trits() {
        return Trytes.toTrits(trytes);
    }

    /** Never printed whole: a key in a log is a key given away. */
    @Override
    public String toString() {
        return "SideKey[" + trytes.substring(0, 3) + "…]";
    }
}
