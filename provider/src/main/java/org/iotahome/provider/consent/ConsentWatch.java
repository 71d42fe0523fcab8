package org.iotahome.provider.consent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.DeviceDeleted;
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
import org.iotahome.provider.readings.FollowerPositions;
import org.iotahome.provider.readings.Outcome;
import org.iotahome.provider.health.FollowerStatus;
import org.iotahome.provider.health.ObservedSource;
import org.jboss.logging.Logger;

/**
 * Follows the consent channel of one confirmed grant (PROTOCOL.md §7), across My Home's key
 * rotations, so the provider sees the household's own record: an AUTHORIZATION_REVOKED naming this
 * provider, a DEVICE_DELETED, or a KEY_ROTATION without a key for it marks the grant revoked and
 * ends the watch. A rotated key for this provider that does not open is a fault: the watch is
 * retried from its saved position with backoff and logged, never taken for a revocation. A grant
 * with an end date (docs/consent-expiry.md) is marked expired at that moment, by this provider's
 * clock, and the watch ends; the device leaves the provider out of its next key by itself.
 */
public final class ConsentWatch {

    private static final Logger LOG = Logger.getLogger(ConsentWatch.class);

    private final MessageSource source;
    private final Executor worker;
    private final Duration poll;
    private final Duration retryMin;
    private final Duration retryMax;
    private final FollowerPositions positions;
    private final RotatedKeys keys;
    private final ConsentCheck me;
    private final GrantStore grants;
    private final FollowerStatus status;
    private final Clock clock;

    public ConsentWatch(MessageSource source, Executor worker, Duration poll, Duration retryMin, Duration retryMax, FollowerPositions positions,
            RotatedKeys keys, ConsentCheck me, GrantStore grants, FollowerStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
        this.source = source;
        this.worker = worker;
        this.poll = poll;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        this.positions = positions;
        this.keys = keys;
        this.me = me;
        this.grants = grants;
    }

    /** Outcomes on the grant's consent channel until it is revoked there or expires (that one not emitted). */
    public Multi<Outcome> watch(Grant grant) {
        Multi<Outcome> channel = channel(grant);
        return (grant.expiresAt().isPresent() ? Multi.createBy().merging().streams(channel, expiry(grant)) : channel)
                .select().first(o -> o.kind() != Outcome.Kind.REVOKED && o.kind() != Outcome.Kind.EXPIRED);
    }

    /** One EXPIRED at the grant's end date (at once when it has passed), once the store says so; a store fault is retried. */
    private Multi<Outcome> expiry(Grant grant) {
        String device = grant.deviceRoot();
        Duration left = Duration.ofMillis(Math.max(0, grant.expiresAt().getAsLong() - clock.millis()));
        return Uni.createFrom().voidItem().onItem().delayIt().by(left).emitOn(worker)
                .map(v -> {
                    if (grants.expire(device))
                        LOG.infof("device channel %s: the household's consent ended on %s; the grant is expired, its readings kept",
                                abbreviated(device), Instant.ofEpochMilli(grant.expiresAt().getAsLong()));
                    return new Outcome(device, Outcome.Kind.EXPIRED);
                })
                .onFailure().invoke(e -> LOG.errorf("device channel %s: cannot mark the grant expired (%s); retrying", abbreviated(device),
                        e.getMessage()))
                .onFailure().retry().withBackOff(retryMin, retryMax).indefinitely()
                .toMulti();
    }

    private Multi<Outcome> channel(Grant grant) {
        String channel = grant.consentRoot();
        ChannelFollower follower = new ChannelFollower(new ObservedSource(source, status, channel), MamMode.RESTRICTED, poll, retryMin,
                retryMax, worker, positions.of(grant.deviceRoot(), FollowerPositions.Channel.CONSENT),
                skipped -> LOG.warnf("consent channel of %s: skipped a payload: %s", abbreviated(grant.deviceRoot()), skipped));
        return follower.follow(new FollowerPosition(grant.consentRoot(), grant.consentSideKey()), keys,
                        m -> Uni.createFrom().item(() -> handle(grant, m)))
                .onFailure().invoke(e -> {
                    LOG.errorf("consent channel of %s: %s; retrying", abbreviated(grant.deviceRoot()), e.getMessage());
                    status.failed(channel, String.valueOf(e.getMessage()));
                })
                .onFailure().retry().withBackOff(retryMin, retryMax).indefinitely()
                .onTermination().invoke(() -> status.stopped(channel));
    }

    Outcome handle(Grant grant, ChannelMessage message) {
        String device = grant.deviceRoot();
        ChannelEvent event;
        try {
            event = EventCodec.read(message.text());
        } catch (IllegalArgumentException e) {
            return new Outcome(device, Outcome.Kind.SKIPPED);
        }
        String why = null;
        if (event instanceof AuthorizationRevoked r && me.isMe(r.policy().serviceProvider())) why = "consent revoked by the household";
        else if (event instanceof DeviceDeleted) why = "the household deleted the device";
        else if (event instanceof KeyRotation k && keys.keyFor(k).isEmpty()) why = "the consent channel's key was rotated without us";
        if (why == null) return new Outcome(device, event instanceof KeyRotation ? Outcome.Kind.ROTATED : Outcome.Kind.SKIPPED);
        grants.revoke(device);
        LOG.infof("consent channel of %s: %s; the grant is revoked", abbreviated(device), why);
        return new Outcome(device, Outcome.Kind.REVOKED);
    }

    private static String abbreviated(String trytes) {
        return trytes.substring(0, 9) + "…";
    }
}
