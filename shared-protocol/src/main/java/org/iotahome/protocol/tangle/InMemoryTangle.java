package org.iotahome.protocol.tangle;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link Tangle} in one JVM's memory for unit tests: attaching chains the bundle onto the last
 * transaction stored, with no proof of work (weight 0), and stamps the attachment time from the
 * given clock. Tests may {@link #put} raw trytes to simulate what others post. Transactions are
 * indexed by address, as a node's are, so a lookup costs what is at the address, not what is stored.
 */
public final class InMemoryTangle implements Tangle {

    private static final String GENESIS = "9".repeat(Transaction.HASH_TRYTES);

    private final Map<String, String> trytesByHash = new LinkedHashMap<>();
    /** Each address's transactions, in the order stored. */
    private final Map<String, List<Stored>> byAddress = new HashMap<>();
    private final LongSupplier clockMillis;
    private String lastHash = GENESIS;

    public InMemoryTangle(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    @Override
    public synchronized Uni<List<Transaction>> attach(List<Transaction> bundle) {
        String problem = BundleValidator.unattached().problem(bundle);
        if (problem != null) return Uni.createFrom().failure(new IllegalArgumentException("not a bundle to attach: " + problem));
        List<String> attached = new ArrayList<>();
        String previous = null;
        for (int i = bundle.size() - 1; i >= 0; i--) {
            Transaction tx = bundle.get(i).attachedTo(previous == null ? lastHash : previous, lastHash, clockMillis.getAsLong());
            previous = tx.hash();
            attached.add(0, tx.toTrytes());
        }
        attached.forEach(this::put);
        List<Transaction> out = new ArrayList<>();
        for (String t : attached) out.add(Transaction.fromTrytes(t));
        return Uni.createFrom().item(List.copyOf(out));
    }

    /** Stores one transaction as-is, as a storeTransactions from anyone would. */
    public synchronized String put(String trytes) {
        Transaction tx = Transaction.fromTrytes(trytes);
        String hash = tx.hash();
        if (trytesByHash.put(hash, trytes) == null) byAddress.computeIfAbsent(tx.address(), a -> new ArrayList<>()).add(new Stored(hash, tx));
        lastHash = hash;
        return hash;
    }

    @Override
    public synchronized Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
        // Keyed by the hash computed when stored, as a node answers findTransactions with the hashes it stored.
        Map<String, Transaction> fresh = new LinkedHashMap<>();
        for (Stored stored : byAddress.getOrDefault(address, List.of())) {
            if (!cursor.transactions().contains(stored.hash())) fresh.put(stored.hash(), stored.tx());
        }
        return Uni.createFrom().item(BundleAssembler.instances(fresh));
    }

    @Override
    public synchronized Uni<List<String>> trytes(List<String> hashes) {
        List<String> out = new ArrayList<>(hashes.size());
        for (String h : hashes) out.add(trytesByHash.getOrDefault(h, "9".repeat(Transaction.TRYTES)));
        return Uni.createFrom().item(out);
    }

    public synchronized int size() {
        return trytesByHash.size();
    }

    /** A transaction with its hash, computed once. */
    private record Stored(String hash, Transaction tx) {}
}
