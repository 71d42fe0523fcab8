package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the transactions found at an address into whole bundles. A bundle instance is a tail
 * (index 0) and the trunk chain from it, so a forged transaction reusing a bundle hash cannot
 * splice fragments into someone else's message. A zero-value bundle hash does not cover the
 * message fragments, so two different messages sent in the same second can share one: a
 * reattachment is the same {@link MessageIdentity} (bundle hash and fragments), and only the
 * earliest-attached complete instance of it counts.
 */
public final class BundleAssembler {

    private BundleAssembler() {
    }

    /** Complete bundles (each in index order), one per message, ordered by tail attachment time. */
    public static List<List<Transaction>> complete(List<Transaction> found) {
        Map<String, List<Transaction>> bundles = new LinkedHashMap<>();
        for (List<Transaction> chain : instances(found)) bundles.putIfAbsent(MessageIdentity.of(chain), chain);
        return List.copyOf(bundles.values());
    }

    /**
     * Every complete instance (each tail and its trunk chain), ordered by tail attachment time,
     * reattachments included: for readers that settle identities across polls themselves.
     */
    public static List<List<Transaction>> instances(List<Transaction> found) {
        Map<String, Transaction> byHash = new LinkedHashMap<>();
        for (Transaction tx : found) byHash.put(tx.hash(), tx);
        return instances(byHash);
    }

    /**
     * As {@link #instances(List)}, with each transaction keyed by the hash it was stored or found
     * under (a node's findTransactions answer, a store's key) instead of one computed here: the
     * chain then holds only as far as those hashes are true, so a reader checks it against computed
     * hashes ({@link BundleValidator#attached}) before trusting an instance. That check hashes each
     * transaction once; hashing here too would be the same Curl-P-81 work twice.
     */
    public static List<List<Transaction>> instances(Map<String, Transaction> byHash) {
        List<Map.Entry<String, Transaction>> tails = new ArrayList<>();
        for (Map.Entry<String, Transaction> e : byHash.entrySet()) if (e.getValue().currentIndex() == 0) tails.add(e);
        tails.sort(Comparator.comparingLong((Map.Entry<String, Transaction> e) -> e.getValue().attachmentTimestamp())
                .thenComparing(Map.Entry::getKey));
        List<List<Transaction>> out = new ArrayList<>();
        for (Map.Entry<String, Transaction> tail : tails) {
            List<Transaction> chain = chainFrom(tail.getValue(), byHash);
            if (chain != null) out.add(chain);
        }
        return List.copyOf(out);
    }

    private static List<Transaction> chainFrom(Transaction tail, Map<String, Transaction> byHash) {
        List<Transaction> chain = new ArrayList<>();
        chain.add(tail);
        Transaction tx = tail;
        while (tx.currentIndex() < tx.lastIndex()) {
            Transaction next = byHash.get(tx.trunkTransaction());
            if (next == null || next.currentIndex() != tx.currentIndex() + 1 || !next.bundle().equals(tail.bundle()))
                return null;
            chain.add(next);
            tx = next;
        }
        return List.copyOf(chain);
    }
}
