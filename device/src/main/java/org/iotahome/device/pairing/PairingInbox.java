package org.iotahome.device.pairing;

import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.jboss.logging.Logger;

/**
 * One message at the device's address, handled end to end on a worker thread: the
 * {@link PairingProcessor} decides, the {@link DirectSender} sends the reply, retried with backoff
 * while the node fails. A reply that still cannot be sent is logged and dropped: the claimant
 * times out and claims again, and a pairing already saved stays saved (a later claim hears
 * "already paired"). The returned {@code Uni} never fails, so one bad message never ends the inbox.
 */
public final class PairingInbox {

    private static final Logger LOG = Logger.getLogger(PairingInbox.class);

    private final PairingProcessor processor;
    private final DirectSender sender;
    private final Executor worker;
    private final Duration retryMin;
    private final Duration retryMax;
    private final int attempts;
    private final Consumer<Throwable> failures;

    public PairingInbox(PairingProcessor processor, DirectSender sender, Executor worker, Duration retryMin, Duration retryMax,
            int attempts) {
        this(processor, sender, worker, retryMin, retryMax, attempts, e -> {});
    }

    /** {@code failures}: told of each message that was not handled (for health), after it is logged. */
    public PairingInbox(PairingProcessor processor, DirectSender sender, Executor worker, Duration retryMin, Duration retryMax,
            int attempts, Consumer<Throwable> failures) {
        this.failures = failures;
        this.processor = processor;
        this.sender = sender;
        this.worker = worker;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        this.attempts = attempts;
    }

    public Uni<Void> handle(ReceivedMessage message) {
        return Uni.createFrom().<Optional<Reply>>emitter(e -> {
                    try {
                        e.complete(processor.handle(message));
                    } catch (IOException x) {
                        e.fail(x);
                    }
                })
                .runSubscriptionOn(worker)
                .chain(reply -> reply.map(this::send).orElseGet(() -> Uni.createFrom().voidItem()))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "message %s at the device address was not handled", message.bundleHash());
                    failures.accept(e);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> send(Reply reply) {
        return Uni.createFrom().<Void>emitter(e -> {
                    try {
                        sender.send(reply);
                        e.complete(null);
                    } catch (IOException x) {
                        e.fail(x);
                    }
                })
                .runSubscriptionOn(worker)
                .onFailure(IOException.class).invoke(x -> LOG.warnf("%s; retrying", x.getMessage()))
                .onFailure(IOException.class).retry().withBackOff(retryMin, retryMax).atMost(attempts);
    }
}
