package org.iotahome.provider.readings;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which grants this instance follows. On one machine, all of them. On Kafka, those on the
 * partitions of the {@code grants} topic the consumer group gave this instance: when a partition is
 * taken away (a replica joined, or this one is leaving) its households stop being followed here,
 * and the replica given it reads them from the saved positions on.
 */
public final class GrantOwnership {

    /** A grant that came from no partition (the in-JVM topic): always this instance's. */
    public static final int LOCAL = -1;

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    public boolean owns(int partition) {
        return partition == LOCAL || owned.contains(partition);
    }

    public void assigned(Collection<Integer> partitions) {
        owned.addAll(partitions);
    }

    public void revoked(Collection<Integer> partitions) {
        owned.removeAll(partitions);
    }
}
