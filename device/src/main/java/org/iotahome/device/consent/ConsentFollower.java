package org.iotahome.device.consent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.pairing.Pairing;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.device.pairing.ResetRequest;
import org.iotahome.protocol.mam.ChannelFollower;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.FileFollowerPositionStore;
import org.iotahome.protocol.mam.FollowerPosition;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.SideKey;
import org.jboss.logging.Logger;

/**
 * The device's consent flow (ARCHITECTURE.md "Flows"): waits until the device is paired (pending
 * or confirmed), follows the pairing's consent channel (restricted, PROTOCOL.md §7) and hands each
 * message to the {@link ConsentProcessor}, in order, on a worker thread; a fault (node down, disk)
 * is retried with backoff. DEVICE_DELETED, a reset asked for on the device ({@link ResetRequest}),
 * or a pending pairing replaced by another end the channel: the flow goes on with what is stored. The position is kept
 * per consent channel ({@code consent-<first 27 trytes of its root>.json}), so a restart resumes
 * and a new pairing starts its new channel from the beginning.
 *
 * <p>The position after a message is saved once the processor has acted on it, so a crash while
 * it acts repeats that message on restart; the processor is idempotent enough for that (a provider
 * is kept once, MAM_DATA goes again, a rotation rotates again).
 */
public final class ConsentFollower {

    private static final Logger LOG = Logger.getLogger(ConsentFollower.class);
    static final int DEFAULT_ATTEMPTS = 5;

    private final PairingStore pairing;
    private final MessageSource source;
    private final ConsentProcessor processor;
    private final Path dataDir;
    private final Duration poll;
    private final Duration retryMin;
    private final Duration retryMax;
    private final Executor worker;
    private final ResetRequest reset;
    private final KeySchedule keys;
    private final StreamHealth health;
    private final int attempts;

    /** {@code keys}: how the device learns each new consent key (PROTOCOL.md §7: wrapped for it in KEY_ROTATION). */
    public ConsentFollower(PairingStore pairing, MessageSource source, ConsentProcessor processor, Path dataDir, Duration poll,
            Duration retryMin, Duration retryMax, Executor worker, KeySchedule keys) {
        this(pairing, source, processor, dataDir, poll, retryMin, retryMax, worker, keys, new StreamHealth(Clock.systemUTC()),
                DEFAULT_ATTEMPTS);
    }

    /**
     * {@code health}: where failures are reported; {@code attempts}: tries of a message that fails
     * with a fault other than I/O (a bug, a malformed event) before it is skipped, logged and
     * reported, so one poisoned message cannot hold back every later revocation. I/O faults (the
     * node, the disk) are retried for ever: they pass.
     */
    public ConsentFollower(PairingStore pairing, MessageSource source, ConsentProcessor processor, Path dataDir, Duration poll,
            Duration retryMin, Duration retryMax, Executor worker, KeySchedule keys, StreamHealth health, int attempts) {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        this.health = health;
        this.attempts = attempts;
        this.reset = new ResetRequest(dataDir);
        this.keys = keys;
        this.pairing = pairing;
        this.source = source;
        this.processor = processor;
        this.dataDir = dataDir;
        this.poll = poll;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        this.worker = worker;
    }

    /** What the processor made of each consent message, across pairings; runs until cancelled. */
    public Multi<ConsentProcessor.Outcome> outcomes() {
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(this::resetIfRequestedThenLoad).runSubscriptionOn(worker)
                        .onFailure().invoke(e -> {
                            health.failed(DeviceStream.CONSENT_FOLLOWER, e);
                            LOG.warnf("reading the pairing failed: %s; retrying", e.getMessage());
                        })
                        .onFailure().retry().withBackOff(retryMin, retryMax).indefinitely())
                .withDelay(poll)
                .indefinitely()
                .select().where(Optional::isPresent)
                .onItem().transformToMultiAndConcatenate(p -> follow(p.get())
                        // A fault while following (a rotated key that does not open) is retried from the saved position.
                        .onFailure().invoke(e -> {
                            health.failed(DeviceStream.CONSENT_FOLLOWER, e);
                            LOG.errorf("following the consent channel failed: %s; retrying", e.getMessage());
                        })
                        .onFailure().retry().withBackOff(retryMin, retryMax).indefinitely());
    }

    private Optional<Pairing> resetIfRequestedThenLoad() {
        if (reset.requested()) {
            try {
                processor.reset();
                reset.done();
            } catch (IOException e) {
                throw new UncheckedIOException("the requested reset failed: " + e.getMessage(), e);
            }
            LOG.infof("reset as requested on the device: side key rotated for no one, providers forgotten, unpaired");
        }
        return pairing.load();
    }

    /**
     * The outcomes of one pairing's consent channel. It ends with the pairing: at the UNPAIRED
     * outcome, or when a poll finds the pairing replaced (a pending pairing answered again with
     * another channel), deleted, or a reset requested.
     */
    private Multi<ConsentProcessor.Outcome> follow(Pairing paired) {
        String root = paired.consent().root();
        LOG.infof("following the consent channel at %s (%s)", root, paired.confirmed() ? "confirmed" : "pending DEVICE_ADDED");
        ChannelFollower follower = new ChannelFollower(source, MamMode.RESTRICTED, poll, retryMin, retryMax, worker,
                new FileFollowerPositionStore(dataDir.resolve("consent-" + root.substring(0, 27) + ".json")),
                s -> LOG.warnf("skipped a payload on the consent channel at %s: %s %s", s.root(), s.reason(), s.detail()));
        Multi<ConsentProcessor.Outcome> messages = follower
                .follow(new FollowerPosition(root, new SideKey(paired.consent().sideKey())), keys, m -> handle(m, root))
                .select().first(outcome -> outcome != ConsentProcessor.Outcome.UNPAIRED);
        // Demand-driven polls (not ticks), so a slow poll never overflows into a failure of the whole flow.
        Multi<ConsentProcessor.Outcome> ended = Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> {
                            expireDue();
                            return stillFollowing(root) ? ConsentProcessor.Outcome.IGNORED : ConsentProcessor.Outcome.UNPAIRED;
                        })
                        .runSubscriptionOn(worker)
                        .onFailure().recoverWithItem(ConsentProcessor.Outcome.IGNORED))
                .withDelay(poll)
                .indefinitely()
                .select().where(outcome -> outcome == ConsentProcessor.Outcome.UNPAIRED);
        return Multi.createBy().merging().streams(messages, ended)
                .select().first(outcome -> outcome != ConsentProcessor.Outcome.UNPAIRED);
    }

    /** Consent that ends by itself is ended on the device's own clock, My Home running or not; a failure is retried next poll. */
    private void expireDue() {
        try {
            processor.expire();
        } catch (IOException | RuntimeException e) {
            health.failed(DeviceStream.CONSENT_FOLLOWER, e);
            LOG.errorf("ending an expired consent failed: %s; retrying at the next poll", e.getMessage());
        }
    }

    private boolean stillFollowing(String root) {
        return !reset.requested() && pairing.load().map(p -> p.consent().root().equals(root)).orElse(false);
    }

    private Uni<ConsentProcessor.Outcome> handle(ChannelMessage message, String channelRoot) {
        return act(message, channelRoot)
                .onFailure(IOException.class).invoke(x -> {
                    health.failed(DeviceStream.CONSENT_FOLLOWER, x);
                    LOG.warnf("acting on a consent message failed: %s; retrying", x.getMessage());
                })
                .onFailure(IOException.class).retry().withBackOff(retryMin, retryMax).indefinitely()
                .onFailure().invoke(x -> {
                    health.failed(DeviceStream.CONSENT_FOLLOWER, x);
                    LOG.errorf("acting on the consent message at %s failed: %s", message.root(), x.toString());
                })
                .onFailure().retry().withBackOff(retryMin, retryMax).atMost(attempts - 1L)
                .onFailure().recoverWithItem(x -> {
                    LOG.errorf("consent message at %s skipped after %d attempts: %s", message.root(), attempts, x.toString());
                    return ConsentProcessor.Outcome.IGNORED;
                });
    }

    private Uni<ConsentProcessor.Outcome> act(ChannelMessage message, String channelRoot) {
        return Uni.createFrom().<ConsentProcessor.Outcome>emitter(e -> {
                    try {
                        e.complete(processor.handle(message, channelRoot));
                    } catch (IOException | RuntimeException x) {
                        e.fail(x);
                    }
                })
                .runSubscriptionOn(worker);
    }
}
