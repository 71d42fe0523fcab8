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
    private final boolean bundleHash;

    private BundleValidator(int minWeightMagnitude, boolean attached, boolean bundleHash) {
        this.minWeightMagnitude = minWeightMagnitude;
        this.attached = attached;
        this.bundleHash = bundleHash;
    }

    /** For bundles read from a Tangle: every rule, with at least this proof-of-work weight. */
    public static BundleValidator attached(int minWeightMagnitude) {
        return new BundleValidator(minWeightMagnitude, true, true);
    }

    /**
     * For bundles read from a Tangle that carry a MAM payload (TangleMessageTransport): indexes, one
     * bundle field and no value, nothing hashed. The MAM signature authenticates the payload (a WOTS
     * signature under the channel's Merkle root, PROTOCOL.md §5), so the hashes add nothing a reader
     * can rely on, and {@code @iota/mam@0.7.3} checks none of them (nothing it reads is refused here):
     * <ul>
     * <li>The bundle hash is Kerl over the essences only (address, value, tags, timestamp, indexes),
     * never the fragments, and anyone can compute it for any essences.</li>
     * <li>Proof of work is the node's rule against spam (it refuses lighter transactions when they are
     * stored); it authenticates nothing. An instance without it carries either a payload whose
     * signature fails, skipped as junk with work is, or a copy of a genuine one: the same message,
     * read once. Junk is also refused sooner without it: most fails MAM's checksum after the masking
     * sponge (~80 Curl-P-27 transforms for three transactions), against ~300 for their Curl-P-81
     * hashes.</li>
     * <li>The trunk chain: a Tangle follows it by the hashes the node stored the transactions under,
     * so an honest node's instances hold together; a lying node can splice fragments, and the spliced
     * payload's signature fails, which denies nothing it could not deny by withholding them.</li>
     * </ul>
     */
    public static BundleValidator signedPayload() {
        return new BundleValidator(0, false, false);
    }

    /** For bundles not yet attached: essence, indexes and hash only (no trunk chain, no PoW). */
    public static BundleValidator unattached() {
        return new BundleValidator(0, false, true);
    }

    /** The first rule {@code bundle} (in index order) breaks, or null when it is valid. */
    public String problem(List<Transaction> bundle) {
        if (bundle.isEmpty()) return "empty bundle";
        String structure = structureProblem(bundle);
        if (structure != null) return structure;
        if (attached) {
            String chain = attachmentProblem(bundle);
            if (chain != null) return chain;
        }
        if (!bundleHash) return null;
        String hash = bundle.get(0).bundle();
        String expected = BundleHash.of(bundle);
        if (!expected.equals(hash)) return "bundle hash " + hash + " does not match the essences (" + expected + ")";
        return null;
    }

    /** Indexes, one bundle hash, and no value moved (the only bundles this system sends). */
    private static String structureProblem(List<Transaction> bundle) {
        int last = bundle.size() - 1;
        String hash = bundle.get(0).bundle();
        for (int i = 0; i <= last; i++) {
            Transaction tx = bundle.get(i);
            if (tx.currentIndex() != i) return "transaction " + i + " has currentIndex " + tx.currentIndex();
            if (tx.lastIndex() != last)
                return "transaction " + i + " has lastIndex " + tx.lastIndex() + ", bundle has " + bundle.size() + " transactions";
            if (!tx.bundle().equals(hash)) return "transaction " + i + " belongs to another bundle " + tx.bundle();
            if (tx.value() != 0) return "transaction " + i + " moves value " + tx.value() + "; only zero-value bundles are supported";
        }
        return null;
    }

    /** Each transaction's proof of work, and each approving the next as its trunk. */
    private String attachmentProblem(List<Transaction> bundle) {
        String[] hashes = new String[bundle.size()];
        for (int i = 0; i < bundle.size(); i++) {
            byte[] hash = Curl.hash81(Trytes.toTrits(bundle.get(i).toTrytes()));
            int weight = ProofOfWork.weight(hash);
            if (weight < minWeightMagnitude)
                return "transaction " + i + " has proof-of-work weight " + weight + ", needs " + minWeightMagnitude;
            hashes[i] = Trytes.fromTrits(hash);
        }
        for (int i = 0; i + 1 < bundle.size(); i++)
            if (!bundle.get(i).trunkTransaction().equals(hashes[i + 1]))
                return "transaction " + i + " does not approve transaction " + (i + 1) + " as its trunk";
        return null;
    }

    public boolean isValid(List<Transaction> bundle) {
        return problem(bundle) == null;
    }
}
