package org.iotahome.device.publish;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the publishing flow has done since start: DATA events on the channel, and readings dropped
 * (never silently: each drop is logged and counted here, for metrics and the status page).
 */
public final class PublishCounters {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public void published() {
        published.incrementAndGet();
    }

    public void dropped(long readings) {
        dropped.addAndGet(readings);
    }

    public long publishedEvents() {
        return published.get();
    }

    public long droppedReadings() {
        return dropped.get();
    }
}
