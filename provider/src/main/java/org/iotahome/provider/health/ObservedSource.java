package org.iotahome.provider.health;

import java.io.IOException;
import java.util.List;
import org.iotahome.protocol.mam.MessageSource;

/** A channel's reads from the node, each reported to {@link FollowerStatus}: a good read ends a failure, an IO error starts one. */
public record ObservedSource(MessageSource source, FollowerStatus status, String channel) implements MessageSource {

    @Override
    public List<String> payloadsAt(String address) throws IOException {
        try {
            List<String> payloads = source.payloadsAt(address);
            status.read(channel);
            return payloads;
        } catch (IOException e) {
            status.failed(channel, "node: " + e.getMessage());
            throw e;
        }
    }
}
