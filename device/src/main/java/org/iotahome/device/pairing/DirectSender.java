package org.iotahome.device.pairing;

import io.smallrye.mutiny.TimeoutException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleException;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Sends a direct message as a zero-value bundle to its address (PROTOCOL.md §3). Blocking: call it
 * from a worker thread. A node that fails or does not answer in time is an {@link IOException}.
 */
public final class DirectSender {

    private final Tangle tangle;
    private final String tag;
    private final Clock clock;
    private final Duration timeout;

    public DirectSender(Tangle tangle, String tag, Clock clock, Duration timeout) {
        this.tangle = tangle;
        this.tag = Trytes.requireTrytes("tag", tag);
        this.clock = clock;
        this.timeout = timeout;
    }

    public void send(Reply reply) throws IOException {
        String json = MessageCodec.write(reply.message());
        try {
            tangle.attach(MessageBundle.build(reply.to().trytes(), tag, json, clock.millis() / 1000)).await().atMost(timeout);
        } catch (TangleException | TimeoutException e) {
            throw new IOException("cannot send " + reply.message().type() + " to " + reply.to() + ": " + e.getMessage(), e);
        }
    }
}
