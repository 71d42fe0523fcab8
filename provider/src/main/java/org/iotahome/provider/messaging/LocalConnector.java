package org.iotahome.provider.messaging;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The {@code grants} and {@code readings} topics inside one JVM: what an outgoing channel sends to a
 * {@code topic} reaches the incoming channel that names the same topic, unchanged (its
 * acknowledgement included). This is the provider on one machine; the {@code kafka} profile puts
 * the same channels on Kafka instead, with no code change. SmallRye refuses one channel name for
 * both directions (SRMSG00073), hence a connector rather than one shared channel.
 */
@ApplicationScoped
@Connector(LocalConnector.NAME)
public class LocalConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "iotahome-local";

    private final Map<String, UnicastProcessor<Message<?>>> topics = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return topic(config);
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return topic(config);
    }

    private UnicastProcessor<Message<?>> topic(Config config) {
        return topics.computeIfAbsent(config.getValue("topic", String.class), t -> UnicastProcessor.create());
    }
}
