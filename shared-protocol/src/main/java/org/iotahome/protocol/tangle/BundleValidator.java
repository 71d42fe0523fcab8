package org.iotahome.protocol.tangle;

import java.util.List;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Checks a bundle as a reader must before trusting it: indexes, one bundle hash that matches the
 * essences, values that balance, the trunk chain of an attached bundle and each transaction's
 * proof of work. Every refusal names the transaction and the rule.
 */
public final class BundleValidator {

    private final int minWeightMagnitude;
    private final boolean attached;

    private BundleValidator(int minWeightMagnitude, boolean attached) {
        this.minWeightMagnitude = minWeightMagnitude;
        this.attached = attached;
    }

    /** For bundles read from a Tangle: every rule, with at least this proof-of-work weight. */
    public static BundleValidator attached(int minWeightMagnitude) {
        return new BundleValidator(minWeightMagnitude, true);
    }

    /** For bundles not yet attached: essence, indexes and hash only (no trunk chain, no PoW). */
    public static BundleValidator unattached() {
        return new BundleValidator(0, false);
    }

    /** The first rule {@code bundle} (in index order) breaks, or null when it is valid. */
    public String problem(List<Transaction> bundle) {
        if (bundle.isEmpty()) return "empty bundle";
        int last = bundle.size() - 1;
        String hash = bundle.get(0).bundle();
        long sum = 0;
        for (int i = 0; i <= last; i++) {
            Transaction tx = bundle.get(i);
            if (tx.currentIndex() != i) return "transaction " + i + " has currentIndex " + tx.currentIndex();
            if (tx.lastIndex() != last) return "transaction " + i + " has lastIndex " + tx.lastIndex() + ", bundle has " + bundle.size() + " transactions";
            if (!tx.bundle().equals(hash)) return "transaction " + i + " belongs to another bundle " + tx.bundle();
            if (tx.value() != 0) return "transaction " + i + " moves value " + tx.value() + "; only zero-value bundles are supported";
            sum += tx.value();
            if (!attached) continue;
            int weight = ProofOfWork.weight(Curl.hash81(Trytes.toTrits(tx.toTrytes())));
            if (weight < minWeightMagnitude)
                return "transaction " + i + " has proof-of-work weight " + weight + ", needs " + minWeightMagnitude;
            if (i < last) {
                String nextHash = bundle.get(i + 1).hash();
                if (!tx.trunkTransaction().equals(nextHash))
                    return "transaction " + i + " does not approve transaction " + (i + 1) + " as its trunk";
            }
        }
        if (sum != 0) return "values sum to " + sum;
        String expected = BundleHash.of(bundle);
        if (!expected.equals(hash)) return "bundle hash " + hash + " does not match the essences (" + expected + ")";
        return null;
    }

    public boolean isValid(List<Transaction> bundle) {
        return problem(bundle) == null;
    }
}
