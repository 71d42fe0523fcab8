package org.iotahome.protocol.tangle;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Tangle} over a node's IRI HTTP API (PROTOCOL.md §2). Proof of work is done by the node
 * ({@code attachToTangle}, as the seed's device does) or here with our own {@link Attacher}, and
 * the attached bundle is then stored and broadcast.
 */
public final class IriTangle implements Tangle {

    private static final String ALL_NINES = "9".repeat(Transaction.TRYTES);

    private final IriClient client;
    private final int minWeightMagnitude;
    private final int depth;
    private final Attacher localPow;

    private IriTangle(IriClient client, int minWeightMagnitude, int depth, Attacher localPow) {
        if (minWeightMagnitude < 0 || minWeightMagnitude > 243)
            throw new IllegalArgumentException("minWeightMagnitude must be 0..243, was " + minWeightMagnitude);
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        this.client = client;
        this.minWeightMagnitude = minWeightMagnitude;
        this.depth = depth;
        this.localPow = localPow;
    }

    /** The node does the proof of work (attachToTangle). */
    public static IriTangle remotePow(IriClient client, int minWeightMagnitude, int depth) {
        return new IriTangle(client, minWeightMagnitude, depth, null);
    }

    /** We do the proof of work, then storeTransactions; for nodes that refuse attachToTangle. */
    public static IriTangle localPow(IriClient client, int minWeightMagnitude, int depth, Attacher attacher) {
        return new IriTangle(client, minWeightMagnitude, depth, attacher);
    }

    @Override
    public Uni<List<Transaction>> attach(List<Transaction> bundle) {
        String problem = BundleValidator.unattached().problem(bundle);
        if (problem != null) return Uni.createFrom().failure(new IllegalArgumentException("not a bundle to attach: " + problem));
        List<String> lastFirst = Attacher.lastFirst(bundle);
        return client.transactionsToApprove(depth)
                .chain(tips -> localPow == null
                        ? client.attachToTangle(tips, minWeightMagnitude, lastFirst)
                        : Uni.createFrom().item(() -> localPow.attach(tips.trunkTransaction(), tips.branchTransaction(),
                                minWeightMagnitude, lastFirst)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(attached -> client.storeTransactions(attached)
                        .chain(() -> client.broadcastTransactions(attached))
                        .replaceWith(() -> inIndexOrder(attached)));
    }

    @Override
    public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
        return client.findTransactionsByAddress(address)
                .map(hashes -> hashes.stream().distinct().filter(h -> !cursor.transactions().contains(h)).toList())
                .chain(hashes -> client.getTrytes(hashes).map(trytes -> parse(hashes, trytes)))
                .map(BundleAssembler::instances);
    }

    @Override
    public Uni<List<String>> trytes(List<String> hashes) {
        return client.getTrytes(hashes);
    }

    /**
     * Transactions from getTrytes, keyed by the hash they were asked for (the node's word: readers
     * check the chain against computed hashes); an all-'9' answer (unknown hash) or malformed trytes
     * is left out.
     */
    private static Map<String, Transaction> parse(List<String> hashes, List<String> trytes) {
        Map<String, Transaction> out = new LinkedHashMap<>();
        for (int i = 0; i < trytes.size() && i < hashes.size(); i++) {
            String t = trytes.get(i);
            if (t == null || t.equals(ALL_NINES)) continue;
            try {
                out.put(hashes.get(i), Transaction.fromTrytes(t));
            } catch (IllegalArgumentException e) {
                // a node that returns garbage for one hash: the assembler will not find that bundle complete
            }
        }
        return out;
    }

    private List<Transaction> inIndexOrder(List<String> attached) {
        List<Transaction> txs = new ArrayList<>(attached.size());
        for (String t : attached) txs.add(Transaction.fromTrytes(t));
        txs.sort(Comparator.comparingLong(Transaction::currentIndex));
        return List.copyOf(txs);
    }
}
