package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Turns the stream of readings into the groups that become one DATA event each, per
 * {@link PublishMode}. Holds no state of its own: sampling counts per subscription.
 *
 * <p>Batch mode adapts to the proof of work: a window closes every {@code interval} unless the
 * events before it are still on their way to the Tangle ({@code behind}), then it stays open, up to
 * {@code intervalMax}. A device whose proof of work keeps up publishes every interval; a slower one
 * publishes as often as its proof of work allows, in larger batches, which cost fewer transactions
 * per reading (a DATA event's signature and {@code raw} are the same whatever it carries), so it
 * catches up instead of queueing without end. The open window is on disk (OpenBatchJournal).
 */
public record PublishPolicy(PublishMode mode, int keepOneIn, Duration interval, Duration intervalMax) {

    public PublishPolicy {
        if (mode == null) throw new IllegalArgumentException("a publish policy needs a mode (sample or batch)");
        if (keepOneIn < 1) throw new IllegalArgumentException("keep-one-in must be at least 1, got " + keepOneIn);
        if (interval == null || interval.isNegative() || interval.isZero())
            throw new IllegalArgumentException("the publish interval must be positive, got " + interval);
        if (intervalMax == null || intervalMax.compareTo(interval) < 0)
            throw new IllegalArgumentException("the longest interval must be at least the interval " + interval + ", got " + intervalMax);
    }

    /** Every window closes at its interval, behind or not. */
    public PublishPolicy(PublishMode mode, int keepOneIn, Duration interval) {
        this(mode, keepOneIn, interval, interval);
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
        return groups(items, publishNow, () -> false);
    }

    /**
     * As {@link #groups(Multi, Multi)}; in batch mode a tick while {@code behind} says earlier events
     * still wait for the Tangle leaves the window open, until it has been open {@code intervalMax}.
     */
    public <T> Multi<List<T>> groups(Multi<T> items, Multi<?> publishNow, BooleanSupplier behind) {
        if (mode == PublishMode.BATCH) return batches(items, publishNow, behind);
        return Multi.createFrom().deferred(() -> {
            long[] seen = {0};
            return items.select().where(item -> seen[0]++ % keepOneIn == 0).map(List::of);
        });
    }

    private <T> Multi<List<T>> batches(Multi<T> items, Multi<?> publishNow, BooleanSupplier behind) {
        long ticksMax = Math.max(1, intervalMax.toNanos() / interval.toNanos());
        return Multi.createFrom().emitter(emitter -> {
            Window<T> window = new Window<>(emitter);
            // A tick or a request that comes while the last is still being handled is one too many: dropped, not failed.
            Cancellable closing = Multi.createBy().merging()
                    .streams(Multi.createFrom().ticks().every(interval).onOverflow().drop().map(tick -> (Object) TICK),
                            publishNow.onOverflow().drop().map(request -> (Object) request))
                    .subscribe().with(x -> {
                        if (x == TICK) window.tick(behind.getAsBoolean(), ticksMax);
                        else window.close();
                    }, e -> window.fail(e));
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

    private static final Object TICK = new Object();

    /** The readings since the window last closed; closing emits them as one group, if any. */
    private static final class Window<T> {
        private final MultiEmitter<? super List<T>> emitter;
        private List<T> open = new ArrayList<>();
        private long ticksOpen;

        Window(MultiEmitter<? super List<T>> emitter) {
            this.emitter = emitter;
        }

        synchronized void add(T item) {
            open.add(item);
        }

        /** An interval has passed: close, unless the events before are still being published and the window may grow. */
        synchronized void tick(boolean behind, long ticksMax) {
            if (++ticksOpen < ticksMax && behind) return;
            close();
        }

        synchronized void close() {
            ticksOpen = 0;
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
