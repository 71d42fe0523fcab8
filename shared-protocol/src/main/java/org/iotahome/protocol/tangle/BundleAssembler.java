package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the transactions found at an address into whole bundles. A bundle instance is a tail
 * (index 0) and the trunk chain from it, so a forged transaction reusing a bundle hash cannot
 * splice fragments into someone else's message. A zero-value bundle hash does not cover the
 * message fragments, so two different messages sent in the same second can share one: a
 * reattachment is therefore the same bundle hash with the same fragments, and only the
 * earliest-attached complete instance of it counts.
 */
public final class BundleAssembler {

    private BundleAssembler() {
    }

    /** Complete bundles (each in index order), ordered by their tail's attachment time. */
    public static List<List<Transaction>> complete(List<Transaction> found) {
        Map<String, Transaction> byHash = new HashMap<>();
        for (Transaction tx : found) byHash.put(tx.hash(), tx);
        List<Transaction> tails = new ArrayList<>();
        for (Transaction tx : found) if (tx.currentIndex() == 0) tails.add(tx);
        tails.sort(Comparator.comparingLong(Transaction::attachmentTimestamp).thenComparing(Transaction::hash));
        Map<String, List<Transaction>> bundles = new LinkedHashMap<>();
        for (Transaction tail : tails) {
            List<Transaction> chain = chainFrom(tail, byHash);
            if (chain != null) bundles.putIfAbsent(identity(chain), chain);
        }
        return List.copyOf(bundles.values());
    }

    /** What reattachments share: the bundle hash and every fragment. */
    private static String identity(List<Transaction> bundle) {
        StringBuilder id = new StringBuilder(bundle.get(0).bundle());
        for (Transaction tx : bundle) id.append(tx.signatureMessageFragment());
        return id.toString();
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
