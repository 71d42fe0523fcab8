package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the stream of readings into the groups that become one DATA event each, per
 * {@link PublishMode}. Holds no state of its own: sampling counts per subscription.
 */
public record PublishPolicy(PublishMode mode, int keepOneIn, Duration interval) {

    public PublishPolicy {
        if (mode == null) throw new IllegalArgumentException("a publish policy needs a mode (sample or batch)");
        if (keepOneIn < 1) throw new IllegalArgumentException("keep-one-in must be at least 1, got " + keepOneIn);
        if (interval == null || interval.isNegative() || interval.isZero())
            throw new IllegalArgumentException("the publish interval must be positive, got " + interval);
    }

    /**
     * Batch: every reading of an interval, in order, in one list; an interval without readings
     * publishes nothing. Sample: the 1st, the (N+1)th, ... reading, each alone and at once.
     */
    public <T> Multi<List<T>> groups(Multi<T> items) {
        return groups(items, Multi.createFrom().nothing());
    }

    /**
     * As {@link #groups(Multi)}; in batch mode each of {@code publishNow} also closes the window
     * at once (a new provider's first reading need not wait for the tick, PROTOCOL.md §7). When
     * the readings end, what the window holds is published and the groups end too.
     */
    public <T> Multi<List<T>> groups(Multi<T> items, Multi<?> publishNow) {
        if (mode == PublishMode.BATCH) return batches(items, publishNow);
        return Multi.createFrom().deferred(() -> {
            long[] seen = {0};
            return items.select().where(item -> seen[0]++ % keepOneIn == 0).map(List::of);
        });
    }

    private <T> Multi<List<T>> batches(Multi<T> items, Multi<?> publishNow) {
        return Multi.createFrom().emitter(emitter -> {
            Window<T> window = new Window<>(emitter);
            // A tick or a request that comes while the last is still being handled is one too many: dropped, not failed.
            Cancellable closing = Multi.createBy().merging()
                    .streams(Multi.createFrom().ticks().every(interval).onOverflow().drop().map(tick -> (Object) tick),
                            publishNow.onOverflow().drop().map(request -> (Object) request))
                    .subscribe().with(x -> window.close(), e -> window.fail(e));
            Cancellable reading = items.subscribe().with(window::add, e -> {
                closing.cancel();
                window.fail(e);
            }, () -> {
                closing.cancel();
                window.end();
            });
            emitter.onTermination(() -> {
                closing.cancel();
                reading.cancel();
            });
        }, BackPressureStrategy.BUFFER);
    }

    /** The readings since the window last closed; closing emits them as one group, if any. */
    private static final class Window<T> {
        private final MultiEmitter<? super List<T>> emitter;
        private List<T> open = new ArrayList<>();

        Window(MultiEmitter<? super List<T>> emitter) {
            this.emitter = emitter;
        }

        synchronized void add(T item) {
            open.add(item);
        }

        synchronized void close() {
            if (open.isEmpty()) return;
            List<T> group = open;
            open = new ArrayList<>();
            emitter.emit(group);
        }

        synchronized void end() {
            close();
            emitter.complete();
        }

        synchronized void fail(Throwable e) {
            close();
            emitter.fail(e);
        }
    }
}
