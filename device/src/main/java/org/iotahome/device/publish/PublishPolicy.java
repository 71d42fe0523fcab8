package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;

import java.time.Duration;
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
        if (mode == PublishMode.BATCH)
            return items.group().intoLists().every(interval).select().where(group -> !group.isEmpty());
        return Multi.createFrom().deferred(() -> {
            long[] seen = {0};
            return items.select().where(item -> seen[0]++ % keepOneIn == 0).map(List::of);
        });
    }
}
