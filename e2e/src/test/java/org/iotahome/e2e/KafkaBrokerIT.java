package org.iotahome.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test broker itself: formatted, started on free ports, a record produced and consumed. */
class KafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void aRecordGoesThroughARealKRaftBroker() throws Exception {
        long t = System.nanoTime();
        try (KafkaBroker broker = KafkaBroker.start(dir, 4)) {
            System.out.printf("kafka broker started in %.1f s%n", (System.nanoTime() - t) / 1e9);
            Properties p = new Properties();
            p.putAll(Map.of("bootstrap.servers", broker.bootstrapServers(), "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName()));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                producer.send(new ProducerRecord<>("smoke", "device", "grant")).get();
            }
            Properties c = new Properties();
            c.putAll(Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "smoke", "auto.offset.reset", "earliest",
                    "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of("smoke"));
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.nanoTime() < end) records = consumer.poll(Duration.ofMillis(500));
                assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("grant"));
            }
        }
    }
}
