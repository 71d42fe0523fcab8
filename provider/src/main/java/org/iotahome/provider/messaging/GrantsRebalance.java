package org.iotahome.provider.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.iotahome.provider.readings.GrantOwnership;
import org.jboss.logging.Logger;

/**
 * The {@code grants} topic's partitions as the consumer group moves them. A partition given to this
 * instance is read again from its start (the grants it holds are few, and each household's position
 * is in the shared database), so every household on it is followed here from where the last owner
 * stopped; a partition taken away stops being followed here.
 */
@ApplicationScoped
@Identifier(GrantsRebalance.NAME)
public class GrantsRebalance implements KafkaConsumerRebalanceListener {

    public static final String NAME = "grants-rebalance";
    private static final Logger LOG = Logger.getLogger(GrantsRebalance.class);

    @Inject
    GrantOwnership ownership;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        ownership.assigned(partitions.stream().map(TopicPartition::partition).toList());
        LOG.infof("grants partitions assigned to this instance: %s", partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ownership.revoked(partitions.stream().map(TopicPartition::partition).toList());
        LOG.infof("grants partitions handed to another instance: %s", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
