package org.iotahome.device.health;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;

/** A Tangle whose every call's outcome is told to a {@link TangleObserver} (the node's status, or a stream's health). */
public final class ObservedTangle implements Tangle {

    private final Tangle node;
    private final TangleObserver status;
    private final Clock clock;

    public ObservedTangle(Tangle node, TangleObserver status, Clock clock) {
        this.node = node;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public Uni<List<Transaction>> attach(List<Transaction> bundle) {
        return Uni.createFrom().deferred(() -> {
            long start = clock.millis();
            return node.attach(bundle)
                    .onItem().invoke(() -> status.attached(Duration.ofMillis(clock.millis() - start)))
                    .onFailure().invoke(status::failed);
        });
    }

    @Override
    public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
        return observed(Uni.createFrom().deferred(() -> node.bundlesSince(address, cursor)));
    }

    @Override
    public Uni<List<String>> trytes(List<String> hashes) {
        return observed(Uni.createFrom().deferred(() -> node.trytes(hashes)));
    }

    private <T> Uni<T> observed(Uni<T> call) {
        return call.onItem().invoke(status::answered).onFailure().invoke(status::failed);
    }
}
