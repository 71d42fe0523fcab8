package org.iotahome.provider.readings;

import io.smallrye.mutiny.Uni;
import org.iotahome.protocol.event.Data;

/** Where a follower hands the DATA it reads; completes once the readings are safe (stored, or taken by the broker). */
@FunctionalInterface
public interface ReadingSink {

    Uni<Void> accept(String deviceRoot, String messageRoot, Data data);
}
