package org.iotahome.protocol.tangle;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The port to a Tangle (PROTOCOL.md §2). Implementations: {@link IriTangle} (a node's HTTP API)
 * and {@link InMemoryTangle} (unit tests). Faults (node down, refused request) fail the
 * {@code Uni} with a {@link TangleException}.
 */
public interface Tangle {

    /**
     * Attaches an unattached bundle (index order, as {@link MessageBundle#build} makes it) and
     * stores it; the attached transactions come back in index order.
     */
    Uni<List<Transaction>> attach(List<Transaction> bundle);

    /**
     * The complete bundle instances at {@code address} holding no transaction the cursor has
     * settled, each in index order, ordered by their tail's attachment time (see
     * {@link BundleAssembler#instances}: instances sharing a bundle hash are all returned). The
     * trunk chain is followed by the hashes the transactions are stored under, as the node gives
     * them; {@link BundleValidator#attached} checks it against computed hashes.
     */
    Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor);

    /** The 2673-tryte transactions for {@code hashes}, in the same order; unknown ones are all '9'. */
    Uni<List<String>> trytes(List<String> hashes);
}
