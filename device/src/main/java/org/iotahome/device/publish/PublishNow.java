package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import java.util.concurrent.Flow;

/**
 * Requests to publish the open batch at once rather than at the next tick: asked for when a
 * provider is authorized, so its first reading comes in seconds, not at the end of the interval.
 * A request with nobody listening yet is lost, which costs only the wait for the tick.
 */
public final class PublishNow {

    private final BroadcastProcessor<Boolean> requests = BroadcastProcessor.create();
    private final Flow.Processor<Boolean, Boolean> serialized = requests.serialized();

    public void request() {
        serialized.onNext(Boolean.TRUE);
    }

    public Multi<Boolean> requests() {
        return requests;
    }
}
