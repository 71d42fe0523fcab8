package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.iotahome.protocol.pow.ProofOfWork;

/**
 * IRI's attachToTangle (PROTOCOL.md §2): transactions arrive last index first; the first is
 * attached to (trunk, branch), each next one approves the previous as its trunk and the given
 * trunk as its branch; each gets the attachment time, an empty tag takes the obsoleteTag, and a
 * nonce meets the weight. The result lists them tail first, as IRI answers.
 */
public final class Attacher {

    private final ProofOfWork pow;
    private final LongSupplier clockMillis;

    public Attacher(ProofOfWork pow, LongSupplier clockMillis) {
        this.pow = pow;
        this.clockMillis = clockMillis;
    }

    public List<String> attach(String trunk, String branch, int minWeightMagnitude, List<String> trytes) {
        List<String> attached = new ArrayList<>(trytes.size());
        String previous = null;
        for (String raw : trytes) {
            Transaction tx = Transaction.fromTrytes(raw)
                    .attachedTo(previous == null ? trunk : previous, previous == null ? branch : trunk, clockMillis.getAsLong());
            String done = pow.attach(tx.toTrytes(), minWeightMagnitude);
            previous = Transaction.fromTrytes(done).hash();
            attached.add(done);
        }
        Collections.reverse(attached);
        return attached;
    }

    /** A bundle in index order made ready for {@link #attach}: last index first. */
    public static List<String> lastFirst(List<Transaction> bundle) {
        List<String> out = new ArrayList<>(bundle.size());
        for (int i = bundle.size() - 1; i >= 0; i--) out.add(bundle.get(i).toTrytes());
        return out;
    }
}
