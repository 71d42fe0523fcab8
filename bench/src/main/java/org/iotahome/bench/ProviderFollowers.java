package org.iotahome.bench;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.mam.ChannelFollower;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.FollowerPosition;
import org.iotahome.protocol.mam.FollowerPositionStore;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.provider.health.FollowerStatus;
import org.iotahome.provider.health.ObservedSource;
import org.iotahome.provider.readings.Outcome;
import org.iotahome.provider.readings.ReadingSink;

/**
 * The two ways {@link ProviderBench} follows households, each handing DATA to the same
 * {@link ReadingSink}: ReadingsFlow's (a ChannelFollower per grant on its device channel and one on
 * its consent channel, outside Quarkus) and the seed's (every poll re-reads the device channel from
 * its first root; the seed never read consent channels).
 */
final class ProviderFollowers {

    /** provider.retry-min and provider.retry-max. */
    static final Duration RETRY_MIN = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofMinutes(1);

    private ProviderFollowers() {
    }

    interface Strategy {
        Multi<Outcome> follow(SimulatedHouseholds.House house);
    }

    /** What a message does once read, as GrantFollower.handle: DATA to the sink, the rest skipped (no KEY_ROTATION here). */
    abstract static class Handler implements Strategy {

        final TangleMessageTransport source;
        final FollowerStatus status;
        final ThreadPoolExecutor worker;
        final Duration poll;
        final ReadingSink sink;

        Handler(TangleMessageTransport source, FollowerStatus status, ThreadPoolExecutor worker, Duration poll, ReadingSink sink) {
            this.source = source;
            this.status = status;
            this.worker = worker;
            this.poll = poll;
            this.sink = sink;
        }

        Uni<Outcome> handle(String device, ChannelMessage message) {
            ChannelEvent event;
            try {
                event = EventCodec.read(message.text());
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(new Outcome(device, Outcome.Kind.SKIPPED));
            }
            if (event instanceof Data data)
                return sink.accept(device, message.root(), data).emitOn(worker).replaceWith(new Outcome(device, Outcome.Kind.STORED));
            return Uni.createFrom().item(new Outcome(device, Outcome.Kind.SKIPPED));
        }
    }

    /**
     * What ReadingsFlow runs per grant: GrantFollower.follow (one ChannelFollower on the device channel, position kept
     * after each handled message) merged with ConsentWatch.watch (one on the consent channel, here at its head with
     * nothing new: one empty read per poll, as a household that granted and did nothing since).
     */
    static final class Follow extends Handler {

        private final KeySchedule keys;

        Follow(TangleMessageTransport source, FollowerStatus status, ThreadPoolExecutor worker, Duration poll, ReadingSink sink) {
            super(source, status, worker, poll, sink);
            // The provider's key schedule, opening rotated keys with its own key pair (none rotate here).
            this.keys = RotatedKeys.provider(new Address("PROVIDER".repeat(10) + "9"),
                    new EnvelopeOpener(EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom())));
        }

        @Override
        public Multi<Outcome> follow(SimulatedHouseholds.House house) {
            String channel = house.root();
            ChannelFollower follower = new ChannelFollower(new ObservedSource(source, status, channel), MamMode.RESTRICTED, poll,
                    RETRY_MIN, RETRY_MAX, worker, new MemoryPosition(), skipped -> {});
            Multi<Outcome> device = follower.follow(new FollowerPosition(house.root(), house.key()), keys, m -> handle(channel, m))
                    .onFailure().invoke(e -> status.failed(channel, String.valueOf(e.getMessage())))
                    .onFailure().retry().withBackOff(RETRY_MIN, RETRY_MAX).indefinitely()
                    .select().first(o -> o.kind() != Outcome.Kind.REVOKED)
                    .onTermination().invoke(() -> status.stopped(channel));
            return Multi.createBy().merging().streams(device, consent(house));
        }

        private Multi<Outcome> consent(SimulatedHouseholds.House house) {
            String channel = house.consentRoot();
            ChannelFollower follower = new ChannelFollower(new ObservedSource(source, status, channel), MamMode.RESTRICTED, poll,
                    RETRY_MIN, RETRY_MAX, worker, new MemoryPosition(), skipped -> {});
            return follower.follow(new FollowerPosition(channel, house.key()), keys,
                            m -> Uni.createFrom().item(new Outcome(house.root(), Outcome.Kind.SKIPPED)))
                    .onFailure().invoke(e -> status.failed(channel, String.valueOf(e.getMessage())))
                    .onFailure().retry().withBackOff(RETRY_MIN, RETRY_MAX).indefinitely()
                    .select().first(o -> o.kind() != Outcome.Kind.REVOKED)
                    .onTermination().invoke(() -> status.stopped(channel));
        }
    }

    /** The seed's way: every poll reads the channel from its first root (MAM.fetch) and hands on what is new. */
    static final class Refetch extends Handler {

        Refetch(TangleMessageTransport source, FollowerStatus status, ThreadPoolExecutor worker, Duration poll, ReadingSink sink) {
            super(source, status, worker, poll, sink);
        }

        @Override
        public Multi<Outcome> follow(SimulatedHouseholds.House house) {
            String channel = house.root();
            ChannelReader reader = new ChannelReader(new ObservedSource(source, status, channel));
            AtomicInteger handed = new AtomicInteger();
            return Multi.createBy().repeating()
                    .uni(() -> Uni.createFrom().item(() -> {
                                try {
                                    return reader.read(house.root(), MamMode.RESTRICTED, house.key());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }).runSubscriptionOn(worker)
                            .onFailure(UncheckedIOException.class).retry().withBackOff(RETRY_MIN, RETRY_MAX).indefinitely())
                    .withDelay(poll)
                    .indefinitely()
                    .onItem().transformToIterable(read -> {
                        List<ReadResult.ReadMessage> all = read.messages();
                        List<ReadResult.ReadMessage> fresh = all.size() > handed.get() ? all.subList(handed.get(), all.size()) : List.of();
                        handed.set(Math.max(handed.get(), all.size()));
                        return fresh;
                    })
                    .onItem().transformToUniAndConcatenate(m -> handle(channel,
                            new ChannelMessage(m.root(), m.index(), m.message(), m.nextRoot(), house.key())));
        }
    }

    /** A follower's position in memory (the provider keeps it in the database, one transaction per message). */
    private static final class MemoryPosition implements FollowerPositionStore {

        private final AtomicReference<FollowerPosition> position = new AtomicReference<>();

        @Override
        public Optional<FollowerPosition> load() {
            return Optional.ofNullable(position.get());
        }

        @Override
        public void save(FollowerPosition p) {
            position.set(p);
        }
    }
}
