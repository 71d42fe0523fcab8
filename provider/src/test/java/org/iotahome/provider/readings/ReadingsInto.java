package org.iotahome.provider.readings;

import io.smallrye.mutiny.Uni;

/** A follower's readings straight into a store, as the in-JVM topic delivers them, for tests of one follower. */
public final class ReadingsInto {

    private ReadingsInto() {
    }

    public static ReadingSink store(ReadingStore store) {
        return (device, messageRoot, data) -> Uni.createFrom().item(() -> {
            store.append(device, messageRoot, data);
            return null;
        });
    }
}
