package org.iotahome.protocol.tangle;

import org.iotahome.protocol.hash.Kerl;
import org.iotahome.protocol.trinary.Trytes;

/**
 * An 81-tryte IOTA address. iota.lib.js shows addresses with a 9-tryte checksum appended (the
 * last 9 trytes of the address's Kerl hash); {@link #parse} accepts both forms and refuses a
 * wrong checksum, so a mistyped pairing text never names someone else's address.
 */
public record Address(String trytes) {

    public static final int LENGTH = 81;
    public static final int CHECKSUM_LENGTH = 9;

    public Address {
        Trytes.requireTrytes("address", trytes, LENGTH);
    }

    /** 81 trytes, or 90 whose last 9 are the right checksum. */
    public static Address parse(String text) {
        if (text == null) throw new IllegalArgumentException("address is missing");
        if (text.length() == LENGTH) return new Address(text);
        if (text.length() != LENGTH + CHECKSUM_LENGTH)
            throw new IllegalArgumentException("address must be " + LENGTH + " trytes, or " + (LENGTH + CHECKSUM_LENGTH)
                    + " with its checksum; was " + text.length());
        Trytes.requireTrytes("address", text);
        Address address = new Address(text.substring(0, LENGTH));
        String given = text.substring(LENGTH);
        if (!given.equals(address.checksum()))
            throw new IllegalArgumentException("address checksum " + given + " is wrong, expected " + address.checksum());
        return address;
    }

    /** The 9 trytes iota.lib.js appends: the end of the Kerl hash of the address. */
    public String checksum() {
        String hash = Trytes.fromTrits(Kerl.hash(Trytes.toTrits(trytes)));
        return hash.substring(hash.length() - CHECKSUM_LENGTH);
    }

    /** The 90-tryte form iota.lib.js shows. */
    public String withChecksum() {
        return trytes + checksum();
    }

    @Override
    public String toString() {
        return trytes;
    }
}
