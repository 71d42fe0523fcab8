package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.protocol.p1.Framed;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The device's publishing flow (ARCHITECTURE.md "Flows"), as in-memory channels: readings (the
 * meter's telegrams, parsed, each kept in the {@link OpenBatchJournal} as it arrives) → events
 * (sampled or batched, as DATA JSON) → the outbox, on disk before the event is acknowledged, and
 * only then out of the journal. So a kill loses no reading the device had read: a restart
 * publishes the journal's first. Apart from that, the outbox is drained onto the channel: a node
 * that is down holds back the drain, never the meter, and no reading waits in memory for it.
 */
@ApplicationScoped
public class PublishPipeline {

    private static final Logger LOG = Logger.getLogger(PublishPipeline.class);

    /** Events held while a disk write is slow, so a batch tick never meets a stalled consumer. */
    private static final int EVENTS_BUFFERED = 256;

    /**
     * Largest DATA event: 64 Ki characters are 128 Ki trytes, a bundle of 60 transactions, well
     * inside EventCodec.MAX_CHARS (what readers accept) and an IRI node's request limit. A DSMR 5
     * meter's 30 s batch (30 readings) is about 56 Ki; longer intervals become several events.
     */
    static final int MAX_EVENT_CHARS = 64 * 1024;

    @Inject
    SerialSource serial;
    @Inject
    TelegramReadings telegramReadings;
    @Inject
    PublishPolicy policy;
    @Inject
    Outbox outbox;
    @Inject
    MamPublisher publisher;
    /** Injected so the channel root is made and logged at start-up. */
    @Inject
    DeviceChannel channel;
    @Inject
    DeviceConfig config;
    @Inject
    Clock clock;
    @Inject
    StreamHealth health;
    @Inject
    PublishCounters counters;
    @Inject
    PublishNow publishNow;
    @Inject
    OpenBatchJournal journal;

    /** A DATA event on its way to the outbox, and the last journal number among its readings (0: none). */
    record PendingEvent(String json, long journal) {}

    /**
     * The serial source reads on its own thread; subscribed once, here. It rides out a lost port
     * by itself. A telegram the parser fails on (a bug) is logged and skipped; a fault of the
     * stream itself (a dead reader, an overflowing buffer) is reported in health and the port read
     * afresh after a backoff, so nothing silences the device until a restart.
     */
    @Outgoing("readings")
    Multi<MeterReading> readings() {
        DeviceConfig.Serial s = config.serial();
        // What the last run read but never handed to the outbox comes first, once, in its order.
        Multi<MeterReading> recovered = Multi.createFrom().iterable(journal.recovered())
                .onItem().transformToIterable(p -> parse(p.telegram()).stream().map(r -> r.journaled(p.sequence())).toList());
        Multi<MeterReading> live = health.lasting(DeviceStream.READINGS, serial.telegrams()
                        .onItem().transformToIterable(this::read)
                        .onFailure().invoke(e -> LOG.errorf(e, "reading the meter failed; reading it afresh")),
                s.reconnectMin(), s.reconnectMax());
        return Multi.createBy().concatenating().streams(recovered, live);
    }

    private List<MeterReading> read(Framed framed) {
        List<MeterReading> readings = parse(framed);
        if (readings.isEmpty()) return readings;
        try {
            return readings.stream().map(r -> r.journaled(journal.append(r.telegram()))).toList();
        } catch (RuntimeException e) {
            // Not kept on disk: published all the same, only a kill before the outbox would lose it.
            health.failed(DeviceStream.READINGS, e);
            LOG.errorf("cannot keep a reading in the open batch's journal: %s", e.getMessage());
            return readings;
        }
    }

    private List<MeterReading> parse(Framed framed) {
        try {
            return telegramReadings.read(framed);
        } catch (RuntimeException e) {
            health.failed(DeviceStream.READINGS, e);
            LOG.errorf(e, "a telegram could not be read; skipped");
            return List.of();
        }
    }

    /** A group that cannot be made into events (a bug) is logged and dropped, counted; the stream goes on. */
    @Incoming("readings")
    @Outgoing("events")
    Multi<PendingEvent> events(Multi<MeterReading> readings) {
        // Behind: an event is still waiting for the Tangle, so the window grows instead (PublishPolicy).
        return policy.groups(readings, publishNow.requests(), () -> publisher.queued() > 0)
                .onOverflow().buffer(EVENTS_BUFFERED)
                .onItem().transformToIterable(this::events);
    }

    private List<PendingEvent> events(List<MeterReading> group) {
        try {
            // A long group may become several events, each of consecutive readings: each carries its own last journal number.
            List<PendingEvent> events = new java.util.ArrayList<>();
            int from = 0;
            for (String json : DataEvents.json(group, clock.millis(), MAX_EVENT_CHARS)) {
                int to = from + DataEvents.readingsIn(json);
                long last = 0;
                for (MeterReading r : group.subList(from, to)) last = Math.max(last, r.journal());
                events.add(new PendingEvent(json, last));
                from = to;
            }
            return events;
        } catch (RuntimeException e) {
            health.failed(DeviceStream.READINGS, e);
            counters.dropped(group.size());
            LOG.errorf(e, "%d readings could not be made into a DATA event; dropped", group.size());
            return List.of();
        }
    }

    /**
     * Acknowledged once the event is on disk: from here on a restart does not lose it, and its
     * readings leave the open batch's journal (an outbox entry names the last, so a kill between
     * the two reads none of them twice). A disk
     * that fails is retried with backoff (the events wait in memory meanwhile), never given up.
     */
    @Incoming("events")
    Uni<Void> store(PendingEvent event) {
        DeviceConfig.Publish p = config.publish();
        return Uni.createFrom().<Void>emitter(e -> {
                    try {
                        outbox.append(event.json(), event.journal());
                        if (event.journal() > 0) journal.dropThrough(event.journal());
                        e.complete(null);
                    } catch (IOException | RuntimeException x) {
                        e.fail(x);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> {
                    health.failed(DeviceStream.READINGS, e);
                    LOG.warnf("cannot write to the outbox, retrying: %s", e.getMessage());
                })
                .onFailure().retry().withBackOff(p.retryMin(), p.retryMax()).indefinitely();
    }

    /**
     * One outbox entry per round, on a worker thread; an empty outbox yields null (skipped) and is
     * looked at again after the poll delay. A failure (node down, disk) is retried with backoff
     * for ever: the entry stays queued and ChannelPublisher never signs two messages at a root.
     */
    @Outgoing("published")
    Multi<Published> drain() {
        DeviceConfig.Publish p = config.publish();
        return Multi.createBy().repeating()
                .uni(() -> health.reported(DeviceStream.OUTBOX_DRAIN, Uni.createFrom().<Published>emitter(this::publishNext)
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                        .onFailure().invoke(this::failed)
                        .onFailure().retry().withBackOff(p.retryMin(), p.retryMax()).indefinitely())
                .withDelay(p.poll())
                .indefinitely();
    }

    private void publishNext(UniEmitter<? super Published> emitter) {
        try {
            emitter.complete(publisher.publishNext().orElse(null));
        } catch (IOException | RuntimeException e) {
            emitter.fail(e);
        }
    }

    @Incoming("published")
    void published(Published published) {
        counters.published();
        LOG.infof("published outbox entry %d at root %s…; %d queued", published.sequence(),
                published.root().substring(0, 9), publisher.queued());
    }

    private void failed(Throwable e) {
        if (e instanceof IOException)
            LOG.warnf("cannot publish yet (%d queued), retrying: %s", publisher.queued(), e.getMessage());
        else
            LOG.errorf(e, "publishing failed (%d queued), retrying", publisher.queued());
    }
}
