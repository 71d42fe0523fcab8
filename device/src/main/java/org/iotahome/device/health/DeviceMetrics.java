package org.iotahome.device.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.iotahome.device.publish.MamPublisher;
import org.iotahome.device.publish.PublishCounters;
import org.iotahome.device.publish.TelegramReadings;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.protocol.p1.Rejected;

/**
 * The device's Prometheus metrics ({@code /q/metrics}), read from the counters the flows keep, so
 * the flows know nothing of Micrometer (STYLE.md: {@code iotahome.device.telegrams{result=crc}}).
 */
@ApplicationScoped
public class DeviceMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, TelegramReadings readings, PublishCounters counters,
            MamPublisher publisher, SerialSource serial, StreamHealth health, NodeStatus node) {
        FunctionCounter.builder("iotahome.device.telegrams", readings, TelegramReadings::readings).tag("result", "ok")
                .description("telegrams read, by result").register(registry);
        for (Rejected.Reason reason : Rejected.Reason.values())
            FunctionCounter.builder("iotahome.device.telegrams", readings, r -> r.rejected(reason))
                    .tag("result", reason.name().toLowerCase()).register(registry);
        FunctionCounter.builder("iotahome.device.serial.bytes", serial, s -> s.stats().bytes()).register(registry);
        FunctionCounter.builder("iotahome.device.events.published", counters, PublishCounters::publishedEvents)
                .description("DATA events the Tangle took").register(registry);
        FunctionCounter.builder("iotahome.device.readings.dropped", counters, c -> c.droppedReadings() + publisher.droppedReadings())
                .description("readings dropped: outbox full, or not made into an event").register(registry);
        Gauge.builder("iotahome.device.outbox.entries", publisher, MamPublisher::queued).register(registry);
        Gauge.builder("iotahome.device.outbox.bytes", publisher, MamPublisher::queuedBytes).register(registry);
        Gauge.builder("iotahome.device.node.attach.last.seconds", node,
                n -> n.snapshot().lastAttach() == null ? Double.NaN : n.snapshot().lastAttach().toMillis() / 1000.0).register(registry);
        for (DeviceStream stream : DeviceStream.values()) {
            FunctionCounter.builder("iotahome.device.stream.failures", health, h -> h.status(stream).failures())
                    .tag("stream", stream.label()).register(registry);
            Gauge.builder("iotahome.device.stream.failing", health, h -> h.status(stream).failing() ? 1 : 0)
                    .tag("stream", stream.label()).register(registry);
        }
    }
}
