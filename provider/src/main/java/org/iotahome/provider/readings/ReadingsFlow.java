package org.iotahome.provider.readings;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.provider.consent.ConsentWatch;
import org.iotahome.provider.consent.GrantConfirmation;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.inbox.Inbox;
import org.jboss.logging.Logger;

/**
 * The provider's flows (ARCHITECTURE.md "Flows"). {@code grants-out} carries the confirmed grants
 * (kept from earlier runs, then each the {@link Inbox} receives once its consent channel confirms
 * it, PROTOCOL.md §7), keyed by device channel; {@code grants-in} follows each grant this instance
 * owns on its device channel and its consent channel; a DATA event goes through
 * {@code readings-out}/{@code readings-in} to the store. On one machine the topics are in memory
 * ({@code iotahome-local}); with the {@code kafka} profile they are Kafka topics, the grants spread
 * over the replicas by the consumer group and the readings stored by whichever replica consumes them.
 */
@ApplicationScoped
public class ReadingsFlow {

    private static final Logger LOG = Logger.getLogger(ReadingsFlow.class);
    /** How often a followed grant checks that its partition is still this instance's. */
    private static final Duration OWNERSHIP_CHECK = Duration.ofSeconds(2);

    @Inject
    Inbox inbox;

    @Inject
    GrantStore store;

    @Inject
    GrantFollower follower;

    @Inject
    ConsentWatch consent;

    @Inject
    GrantConfirmation confirmation;

    @Inject
    GrantOwnership ownership;

    @Inject
    ReadingStore readings;

    @Inject
    ProviderConfig config;

    private static final Duration MAX_STORE_WAIT = Duration.ofSeconds(30);
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicReference<String> storeFailure = new java.util.concurrent.atomic.AtomicReference<>();

    /** The device channels followed here now (a grant sent again while followed is not followed twice). */
    private final Map<String, Boolean> followed = new ConcurrentHashMap<>();

    /** Each confirmed grant's device channel root: the grant itself is in the store the replicas share (no side key on a topic). */
    @Outgoing("grants-out")
    Multi<Message<String>> grants() {
        Multi<Grant> kept = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(store.withStatus(Grant.Status.ACTIVE)));
        Multi<Grant> unconfirmed = Multi.createBy().concatenating().streams(
                Multi.createFrom().deferred(() -> Multi.createFrom().iterable(store.withStatus(Grant.Status.PENDING))),
                inbox.grants());
        return Multi.createBy().merging().streams(kept, unconfirmed.onItem().transformToMulti(confirmation::confirm)
                        .merge(confirmation.maxChecked()))
                // Keyed by device channel: one household's grants stay on one partition, so one replica follows it.
                .map(g -> Message.of(g.deviceRoot(), Metadata.of(OutgoingKafkaRecordMetadata.builder().withKey(g.deviceRoot()).build())));
    }

    @Incoming("grants-in")
    @Outgoing("outcomes")
    Multi<Message<Outcome>> follow(Multi<Message<String>> grants) {
        // Grants past the bound wait upstream (the topic is read no further) until a followed one ends.
        return grants.onItem().transformToMulti(this::followed).merge(followedMax(config.followedMax())).map(Message::of);
    }

    static int followedMax(int configured) {
        if (configured < 1) throw new IllegalArgumentException("provider.followed-max must be at least 1, was " + configured);
        return configured;
    }

    /** One grant's outcomes while it is active and its partition this instance's; the message is acknowledged at once. */
    private Multi<Outcome> followed(Message<String> message) {
        String device = message.getPayload();
        int partition = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getPartition)
                .orElse(GrantOwnership.LOCAL);
        return Uni.createFrom().completionStage(message::ack).emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMulti(v -> {
                    // The store is shared by the replicas: it, not the topic, says whether the grant still holds.
                    Grant grant = store.get(device).filter(Grant::active).orElse(null);
                    if (grant == null || !ownership.owns(partition) || followed.putIfAbsent(device, Boolean.TRUE) != null)
                        return Multi.createFrom().<Outcome>empty();
                    // A grant from the in-JVM topic is never handed over: no timer for it (thousands of grants, thousands of timers).
                    // Otherwise one HANDED_OVER at the first check that finds the partition gone (select().first(predicate) would
                    // take ticks *while* it holds, so it ended at the first check that found the partition still ours).
                    Multi<Outcome> handedOver = partition == GrantOwnership.LOCAL ? Multi.createFrom().nothing()
                            : Multi.createFrom().ticks().every(OWNERSHIP_CHECK)
                                    .select().where(t -> !ownership.owns(partition)).select().first()
                                    .map(t -> new Outcome(device, Outcome.Kind.HANDED_OVER));
                    return Multi.createBy().merging().streams(follower.follow(grant), consent.watch(grant), handedOver)
                            .select().first(o -> o.kind() != Outcome.Kind.HANDED_OVER)
                            .onTermination().invoke(() -> {
                                followed.remove(device);
                                if (!ownership.owns(partition)) LOG.infof("device channel %s: handed to another instance", GrantFollower.abbreviated(device));
                            });
                });
    }

    @Incoming("outcomes")
    void done(Outcome outcome) {
        LOG.debugf("message handled: %s", outcome);
    }

    /** A DATA event's readings into the store, once each however often the event comes (a repeat stores nothing). */
    @Incoming("readings-in")
    @Blocking
    void store(DataEvent event) throws InterruptedException {
        Data data;
        try {
            if (!(EventCodec.read(event.event()) instanceof Data d)) throw new IllegalArgumentException("not a DATA event");
            data = d;
        } catch (IllegalArgumentException e) {
            LOG.warnf("readings topic: an event for device channel %s is unreadable, skipped: %s", GrantFollower.abbreviated(event.deviceRoot()),
                    e.getMessage());
            return;
        }
        // A store that fails (the database down) holds the topic back, retried, rather than losing what it carries.
        for (Duration wait = Duration.ofSeconds(1); ; wait = wait.multipliedBy(2).compareTo(MAX_STORE_WAIT) > 0 ? MAX_STORE_WAIT : wait.multipliedBy(2)) {
            try {
                readings.append(event.deviceRoot(), event.messageRoot(), data);
                storeFailure.set(null);
                return;
            } catch (RuntimeException e) {
                if (stopping) throw e; // shutting down: the topic delivers it again to whoever runs next
                storeFailure.set(e.getMessage());
                LOG.errorf("readings of device channel %s not stored (%s); retrying in %s", GrantFollower.abbreviated(event.deviceRoot()),
                        e.getMessage(), wait);
                Thread.sleep(wait.toMillis());
            }
        }
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Why the last store failed, or null while stores succeed (for health). */
    public String storeFailure() {
        return storeFailure.get();
    }
}
