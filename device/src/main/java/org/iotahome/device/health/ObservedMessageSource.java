package org.iotahome.device.health;

import java.io.IOException;
import java.util.List;
import org.iotahome.protocol.mam.MessageSource;

/**
 * A channel's payloads as a follower polls them, each read's outcome told to {@link StreamHealth}:
 * the follower retries a failed read by itself, so this is where its failing shows.
 */
public final class ObservedMessageSource implements MessageSource {

    private final MessageSource source;
    private final StreamHealth health;
    private final DeviceStream stream;

    public ObservedMessageSource(MessageSource source, StreamHealth health, DeviceStream stream) {
        this.source = source;
        this.health = health;
        this.stream = stream;
    }

    @Override
    public List<String> payloadsAt(String address) throws IOException {
        try {
            List<String> payloads = source.payloadsAt(address);
            health.ok(stream);
            return payloads;
        } catch (IOException | RuntimeException e) {
            health.failed(stream, e);
            throw e;
        }
    }
}
