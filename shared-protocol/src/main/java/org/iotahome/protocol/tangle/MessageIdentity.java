package org.iotahome.protocol.tangle;

import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trytes;

/**
 * What makes a direct message the same message (PROTOCOL.md §3: each bundle once): its bundle hash
 * and its fragments. The bundle hash alone is not enough, as it covers no message content: two
 * messages of one length sent to one address with one tag in the same second share it. A
 * reattachment has both the same, so it is the same message.
 */
public final class MessageIdentity {

    private MessageIdentity() {
    }

    /** Curl-P-81 over the bundle hash and every fragment in index order: 81 trytes. */
    public static String of(java.util.List<Transaction> bundle) {
        StringBuilder all = new StringBuilder(81 + bundle.size() * Transaction.FRAGMENT_TRYTES);
        all.append(bundle.get(0).bundle());
        for (Transaction tx : bundle) all.append(tx.signatureMessageFragment());
        return Trytes.fromTrits(Curl.hash81(Trytes.toTrits(all.toString())));
    }
}
