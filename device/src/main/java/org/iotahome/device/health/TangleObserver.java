package org.iotahome.device.health;

import java.time.Duration;

/** Told the outcome of each call an {@link ObservedTangle} passes on. */
public interface TangleObserver {

    void answered();

    default void attached(Duration latency) {
        answered();
    }

    void failed(Throwable e);

    /** Reports each call to a stream's health: a poll that is answered means the stream works. */
    static TangleObserver of(StreamHealth health, DeviceStream stream) {
        return new TangleObserver() {
            @Override
            public void answered() {
                health.ok(stream);
            }

            @Override
            public void failed(Throwable e) {
                health.failed(stream, e);
            }
        };
    }
}
