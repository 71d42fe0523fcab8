package org.iotahome.provider.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import org.iotahome.provider.readings.DataEvent;

/** The {@code readings} topic's values (JSON) back into {@link DataEvent}s. */
public class DataEventDeserializer extends ObjectMapperDeserializer<DataEvent> {

    public DataEventDeserializer() {
        super(DataEvent.class);
    }
}
