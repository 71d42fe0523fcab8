package org.iotahome.node.store;

import java.util.random.RandomGenerator;

/**
 * Chooses the two transactions a new bundle approves (getTransactionsToApprove): two tips picked
 * at random among the stored transactions nothing approves yet, so the Tangle stays one connected
 * graph; on an empty Tangle, the all-'9' genesis hash, as a fresh IRI network answers.
 */
public final class TipSelector {

    public static final String GENESIS = "9".repeat(81);

    private final TransactionStore store;
    private final RandomGenerator random;

    public TipSelector(TransactionStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    public record Tips(String trunk, String branch) {}

    public Tips select() {
        return new Tips(pick(), pick());
    }

    private String pick() {
        for (int attempt = 0; attempt < 3; attempt++) {
            long n = store.tipCount();
            if (n == 0) return GENESIS;
            String tip = store.tipAt(random.nextLong(n));
            if (tip != null) return tip;
        }
        return GENESIS;
    }
}
