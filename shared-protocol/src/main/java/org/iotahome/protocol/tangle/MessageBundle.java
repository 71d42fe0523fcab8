package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A zero-value bundle carrying a direct message to one address, as iota.lib.js's
 * {@code sendTransfer} makes it: one transaction per fragment, tag and obsoleteTag from the
 * given tag, the bundle hash finalized; trunk, branch and nonce left for attachToTangle.
 */
public final class MessageBundle {

    private static final String NINES_81 = "9".repeat(81);
    private static final String NINES_27 = "9".repeat(27);

    private MessageBundle() {
    }

    /** The bundle for {@code json} to {@code address}, in index order. */
    public static List<Transaction> build(String address, String tag, String json, long timestampSeconds) {
        return fromFragments(address, tag, JsonFragments.split(json), timestampSeconds);
    }

    /** The bundle for prepared fragments (each 2187 trytes) to {@code address}, in index order. */
    public static List<Transaction> fromFragments(String address, String tag, List<String> fragments, long timestampSeconds) {
        Trytes.requireTrytes("address", address, 81);
        Trytes.requireTrytes("tag", tag);
        if (tag.length() > 27) throw new IllegalArgumentException("tag is at most 27 trytes, was " + tag.length());
        if (fragments.isEmpty()) throw new IllegalArgumentException("a bundle needs at least one fragment");
        String paddedTag = Trytes.padRight(tag, 27);
        int last = fragments.size() - 1;
        List<Transaction> txs = new ArrayList<>(fragments.size());
        for (int i = 0; i <= last; i++)
            txs.add(new Transaction(fragments.get(i), address, 0, paddedTag, timestampSeconds, i, last,
                    NINES_81, NINES_81, NINES_81, paddedTag, 0, 0, 0, NINES_27));
        return BundleHash.finalize(txs);
    }
}
