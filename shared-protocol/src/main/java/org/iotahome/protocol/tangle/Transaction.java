package org.iotahome.protocol.tangle;

import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trits;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A legacy IOTA transaction: the 2673-tryte format of PROTOCOL.md §2. Fields are checked for
 * their wire size only, as IRI stores any well-formed transaction; index and bundle rules belong
 * to {@link BundleValidator}. {@link #fromTrytes} reads the wire form and {@link #toTrytes} writes it.
 */
public record Transaction(
        String signatureMessageFragment,
        String address,
        long value,
        String obsoleteTag,
        long timestamp,
        long currentIndex,
        long lastIndex,
        String bundle,
        String trunkTransaction,
        String branchTransaction,
        String tag,
        long attachmentTimestamp,
        long attachmentTimestampLowerBound,
        long attachmentTimestampUpperBound,
        String nonce) {

    public static final int TRYTES = 2673;
    public static final int FRAGMENT_TRYTES = 2187;
    public static final int HASH_TRYTES = 81;
    public static final int TAG_TRYTES = 27;
    /** Value is 27 trytes on the wire but only its first 33 trits may be non-zero (IRI's rule). */
    private static final int VALUE_USABLE_TRITS = 33;
    /** Largest value 27 trits can hold: the upper bound iota.lib.js and IRI put on attachment. */
    public static final long MAX_TIMESTAMP_VALUE = (pow3(27) - 1) / 2;

    // Offsets of each field in trytes, in wire order.
    private static final int ADDRESS = 2187, VALUE = 2268, OBSOLETE_TAG = 2295, TIMESTAMP = 2322,
            CURRENT_INDEX = 2331, LAST_INDEX = 2340, BUNDLE = 2349, TRUNK = 2430, BRANCH = 2511,
            TAG = 2592, ATTACHMENT_TIMESTAMP = 2619, LOWER = 2628, UPPER = 2637, NONCE = 2646;

    public Transaction {
        Trytes.requireTrytes("signatureMessageFragment", signatureMessageFragment, FRAGMENT_TRYTES);
        Trytes.requireTrytes("address", address, HASH_TRYTES);
        Trytes.requireTrytes("obsoleteTag", obsoleteTag, TAG_TRYTES);
        Trytes.requireTrytes("bundle", bundle, HASH_TRYTES);
        Trytes.requireTrytes("trunkTransaction", trunkTransaction, HASH_TRYTES);
        Trytes.requireTrytes("branchTransaction", branchTransaction, HASH_TRYTES);
        Trytes.requireTrytes("tag", tag, TAG_TRYTES);
        Trytes.requireTrytes("nonce", nonce, TAG_TRYTES);
        if (Math.abs(value) > (pow3(VALUE_USABLE_TRITS) - 1) / 2)
            throw new IllegalArgumentException("value out of range: " + value);
        requireFits("timestamp", timestamp);
        requireFits("currentIndex", currentIndex);
        requireFits("lastIndex", lastIndex);
        requireFits("attachmentTimestamp", attachmentTimestamp);
        requireFits("attachmentTimestampLowerBound", attachmentTimestampLowerBound);
        requireFits("attachmentTimestampUpperBound", attachmentTimestampUpperBound);
    }

    /** Reads the 2673-tryte wire form; refuses a wrong length, non-trytes or unused value trits. */
    public static Transaction fromTrytes(String trytes) {
        Trytes.requireTrytes("transaction", trytes, TRYTES);
        byte[] valueTrits = Trytes.toTrits(trytes.substring(VALUE, OBSOLETE_TAG));
        for (int i = VALUE_USABLE_TRITS; i < valueTrits.length; i++)
            if (valueTrits[i] != 0)
                throw new IllegalArgumentException("value uses trit " + i + "; only the first 33 trits may be set");
        return new Transaction(
                trytes.substring(0, ADDRESS),
                trytes.substring(ADDRESS, VALUE),
                Trits.toLong(valueTrits),
                trytes.substring(OBSOLETE_TAG, TIMESTAMP),
                number(trytes, TIMESTAMP, CURRENT_INDEX),
                number(trytes, CURRENT_INDEX, LAST_INDEX),
                number(trytes, LAST_INDEX, BUNDLE),
                trytes.substring(BUNDLE, TRUNK),
                trytes.substring(TRUNK, BRANCH),
                trytes.substring(BRANCH, TAG),
                trytes.substring(TAG, ATTACHMENT_TIMESTAMP),
                number(trytes, ATTACHMENT_TIMESTAMP, LOWER),
                number(trytes, LOWER, UPPER),
                number(trytes, UPPER, NONCE),
                trytes.substring(NONCE, TRYTES));
    }

    public String toTrytes() {
        return signatureMessageFragment + address + Trits.longToTrytes(value, 27) + obsoleteTag
                + Trits.longToTrytes(timestamp, 9) + Trits.longToTrytes(currentIndex, 9)
                + Trits.longToTrytes(lastIndex, 9) + bundle + trunkTransaction + branchTransaction + tag
                + Trits.longToTrytes(attachmentTimestamp, 9) + Trits.longToTrytes(attachmentTimestampLowerBound, 9)
                + Trits.longToTrytes(attachmentTimestampUpperBound, 9) + nonce;
    }

    /** Curl-P-81 of the 2673 trytes. */
    public String hash() {
        return Trytes.fromTrits(Curl.hash81(Trytes.toTrits(toTrytes())));
    }

    /** The 486 trits the bundle hash absorbs: address, value, obsoleteTag, timestamp, indexes. */
    byte[] essenceTrits() {
        return Trytes.toTrits(address + Trits.longToTrytes(value, 27) + obsoleteTag + Trits.longToTrytes(timestamp, 9)
                + Trits.longToTrytes(currentIndex, 9) + Trits.longToTrytes(lastIndex, 9));
    }

    public Transaction withBundle(String bundleHash) {
        return new Transaction(signatureMessageFragment, address, value, obsoleteTag, timestamp, currentIndex,
                lastIndex, bundleHash, trunkTransaction, branchTransaction, tag, attachmentTimestamp,
                attachmentTimestampLowerBound, attachmentTimestampUpperBound, nonce);
    }

    public Transaction withObsoleteTag(String newObsoleteTag) {
        return new Transaction(signatureMessageFragment, address, value, newObsoleteTag, timestamp, currentIndex,
                lastIndex, bundle, trunkTransaction, branchTransaction, tag, attachmentTimestamp,
                attachmentTimestampLowerBound, attachmentTimestampUpperBound, nonce);
    }

    /** The fields attachToTangle sets: trunk, branch, tag (when empty) and attachment time. */
    public Transaction attachedTo(String trunk, String branch, long attachedAtMillis) {
        String effectiveTag = tag.equals("9".repeat(TAG_TRYTES)) ? obsoleteTag : tag;
        return new Transaction(signatureMessageFragment, address, value, obsoleteTag, timestamp, currentIndex,
                lastIndex, bundle, trunk, branch, effectiveTag, attachedAtMillis, 0, MAX_TIMESTAMP_VALUE, nonce);
    }

    private static long number(String trytes, int from, int to) {
        return Trits.trytesToLong(trytes.substring(from, to));
    }

    private static void requireFits(String field, long v) {
        if (Math.abs(v) > (pow3(27) - 1) / 2) throw new IllegalArgumentException(field + " does not fit 27 trits: " + v);
    }

    private static long pow3(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) r *= 3;
        return r;
    }
}
