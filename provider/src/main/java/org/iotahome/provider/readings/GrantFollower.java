package org.iotahome.provider.readings;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.mam.ChannelFollower;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.FollowerPosition;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.health.FollowerStatus;
import org.iotahome.provider.health.ObservedSource;
import org.jboss.logging.Logger;

/**
 * Follows the device channel of one grant (restricted, PROTOCOL.md §7): stores DATA readings,
 * switches keys at a KEY_ROTATION that holds one for this provider, and ends the grant at one that
 * does not. A key for this provider that does not open is a fault, retried with backoff. The position is saved once a message is handled, per device channel, so a restart
 * resumes after the last handled message.
 */
public final class GrantFollower {

    private static final Logger LOG = Logger.getLogger(GrantFollower.class);

    /** The settings every follower shares. */
    public record Settings(Duration poll, Duration retryMin, Duration retryMax) {}

    private final MessageSource source;
    private final Executor worker;
    private final Settings settings;
    private final FollowerPositions positions;
    private final RotatedKeys keys;
    private final ReadingSink readings;
    private final GrantStore grants;
    private final FollowerStatus status;

    public GrantFollower(MessageSource source, Executor worker, Settings settings, FollowerPositions positions, RotatedKeys keys,
            ReadingSink readings, GrantStore grants, FollowerStatus status) {
        this.status = status;
        this.source = source;
        this.worker = worker;
        this.settings = settings;
        this.positions = positions;
        this.keys = keys;
        this.readings = readings;
        this.grants = grants;
    }

    /** Outcomes of the grant's messages until it is revoked (the revoking one is not emitted); cancel to stop. */
    public Multi<Outcome> follow(Grant grant) {
        String channel = grant.deviceRoot();
        ChannelFollower follower = new ChannelFollower(new ObservedSource(source, status, channel), MamMode.RESTRICTED, settings.poll(),
                settings.retryMin(), settings.retryMax(), worker, positions.of(grant.deviceRoot(), FollowerPositions.Channel.DEVICE),
                skipped -> LOG.warnf("device channel %s: skipped a payload: %s", abbreviated(grant.deviceRoot()), skipped));
        LOG.infof("following device channel %s", abbreviated(grant.deviceRoot()));
        return follower.follow(new FollowerPosition(grant.deviceRoot(), grant.deviceSideKey()), keys,
                        m -> handle(grant, m))
                // One grant's fault (a rotated key that does not open, a database error) is retried for that grant only.
                .onFailure().invoke(e -> {
                    LOG.errorf("device channel %s: %s; retrying", abbreviated(channel), e.getMessage());
                    status.failed(channel, String.valueOf(e.getMessage()));
                })
                .onFailure().retry().withBackOff(settings.retryMin(), settings.retryMax()).indefinitely()
                .select().first(o -> o.kind() != Outcome.Kind.REVOKED)
                .onTermination().invoke(() -> status.stopped(channel));
    }

    /** The message's outcome once acted on: DATA once its readings are safe (the follower saves its position only then). */
    Uni<Outcome> handle(Grant grant, ChannelMessage message) {
        String device = grant.deviceRoot();
        ChannelEvent event;
        try {
            event = EventCodec.read(message.text());
        } catch (IllegalArgumentException e) {
            LOG.warnf("device channel %s: skipping the message at %s: %s", abbreviated(device), abbreviated(message.root()), e.getMessage());
            return Uni.createFrom().item(new Outcome(device, Outcome.Kind.SKIPPED));
        }
        // The topic's acknowledgement may come on an event loop: back to a worker, where the position is saved (blocking).
        if (event instanceof Data data)
            return readings.accept(device, message.root(), data).emitOn(worker).replaceWith(new Outcome(device, Outcome.Kind.STORED));
        return Uni.createFrom().item(() -> act(grant, event));
    }

    private Outcome act(Grant grant, ChannelEvent event) {
        String device = grant.deviceRoot();
        if (event instanceof KeyRotation rotation) {
            if (keys.keyFor(rotation).isPresent()) {
                LOG.infof("device channel %s: side key rotated, still authorized", abbreviated(device));
                return new Outcome(device, Outcome.Kind.ROTATED);
            }
            // PROTOCOL.md §7: a revoked provider finds no key for itself and can read nothing newer.
            grants.revoke(device);
            LOG.infof("device channel %s: consent revoked (no key for this provider in KEY_ROTATION); stopped following, its readings kept",
                    abbreviated(device));
            return new Outcome(device, Outcome.Kind.REVOKED);
        }
        LOG.debugf("device channel %s: ignoring %s", abbreviated(device), event.type());
        return new Outcome(device, Outcome.Kind.SKIPPED);
    }

    static String abbreviated(String trytes) {
        return trytes.substring(0, 9) + "…";
    }
}
