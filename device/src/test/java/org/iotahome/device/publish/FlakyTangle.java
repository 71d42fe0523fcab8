package org.iotahome.device.publish;

import io.smallrye.mutiny.Uni;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.NodeRefusedException;
import org.iotahome.protocol.tangle.NodeUnavailableException;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory Tangle whose node can be taken down: attaching then fails as an unreachable node does. */
final class FlakyTangle implements Tangle {

    private final InMemoryTangle memory;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean refusingFinds;

    FlakyTangle(InMemoryTangle memory) {
        this.memory = memory;
    }

    /** The Tangle behind the node, for a reader that looks directly. */
    InMemoryTangle memory() {
        return memory;
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Looking up an address is refused as a node does after spam there (HTTP 400, too many transactions match). */
    void refuseFinds(boolean refusing) {
        this.refusingFinds = refusing;
    }

    int refusedAttaches() {
        return refused.get();
    }

    @Override
    public Uni<List<Transaction>> attach(List<Transaction> bundle) {
        if (!down) return memory.attach(bundle);
        refused.incrementAndGet();
        return Uni.createFrom().failure(new NodeUnavailableException("node down (test)", null));
    }

    @Override
    public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
        if (refusingFinds)
            return Uni.createFrom().failure(new NodeRefusedException(400, "findTransactions",
                    "Could not complete request: more than 100000 transactions match"));
        return memory.bundlesSince(address, cursor);
    }

    @Override
    public Uni<List<String>> trytes(List<String> hashes) {
        return memory.trytes(hashes);
    }
}
