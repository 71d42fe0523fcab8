package org.iotahome.protocol.mam;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows a channel (ARCHITECTURE.md, Flows): walks root → next root with a {@link ChannelReader},
 * waits at the head and polls again, and delivers each verified message once, in order. After each
 * message the {@link KeySchedule} says which side key the next root is read under, so a follower
 * stays with a channel across KEY_ROTATIONs (PROTOCOL.md §7). The position (root and key) is saved
 * once a message has been handed downstream (or, with a handler, once the handler is done), so a
 * restart resumes after the last one delivered.
 *
 * <p>Reads block, so they run on the given worker executor. A read that fails (node down) is
 * retried with backoff; payloads passed over at a root that yielded a message are reported to the
 * {@code skipped} consumer (junk at the head is not: it would be reported at every poll).
 */
public final class ChannelFollower {

    /** Roots walked in one poll at most, so a long backlog is delivered in slices. */
    static final int ROOTS_PER_POLL = 100;

    /** A message and the position to save once it is delivered (null: nothing to save yet). */
    private record Step(ChannelMessage message, FollowerPosition after) {}

    private final ChannelReader reader;
    private final MamMode mode;
    private final Duration poll;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Executor worker;
    private final FollowerPositionStore store;
    private final Consumer<ReadResult.Skipped> skipped;

    public ChannelFollower(MessageSource source, MamMode mode, Duration poll, Duration backoffMin, Duration backoffMax,
            Executor worker, FollowerPositionStore store, Consumer<ReadResult.Skipped> skipped) {
        this.reader = new ChannelReader(Objects.requireNonNull(source, "source"));
        this.mode = Objects.requireNonNull(mode, "mode");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.backoffMin = Objects.requireNonNull(backoffMin, "backoffMin");
        this.backoffMax = Objects.requireNonNull(backoffMax, "backoffMax");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.store = Objects.requireNonNull(store, "store");
        this.skipped = Objects.requireNonNull(skipped, "skipped");
    }

    /** The saved position, else {@code start}. */
    public FollowerPosition resumeFrom(FollowerPosition start) {
        return store.load().orElse(start);
    }

    /** Every message from the saved position (else {@code start}) on, the key never changing. */
    public Multi<ChannelMessage> follow(FollowerPosition start) {
        return follow(start, KeySchedule.FIXED);
    }

    /** Every message from the saved position (else {@code start}) on; polling stops when the subscriber cancels. */
    public Multi<ChannelMessage> follow(FollowerPosition start, KeySchedule keys) {
        return steps(start, keys).onItem().transformToMultiAndConcatenate(this::deliver);
    }

    /**
     * Every message from the saved position (else {@code start}) on, each handed to {@code handler};
     * the position after a message is saved only once its handler's {@code Uni} has completed, so a
     * crash while a message is acted on repeats it on restart (at least once: make the handler
     * idempotent). A failing handler fails the stream. Emits what the handlers gave, in order.
     */
    public <R> Multi<R> follow(FollowerPosition start, KeySchedule keys, Function<ChannelMessage, Uni<R>> handler) {
        Objects.requireNonNull(handler, "handler");
        return steps(start, keys).onItem().transformToUniAndConcatenate(step -> handler.apply(step.message())
                .onItem().invoke(() -> {
                    if (step.after() != null) store.save(step.after());
                }));
    }

    private Multi<Step> steps(FollowerPosition start, KeySchedule keys) {
        Objects.requireNonNull(keys, "keys");
        AtomicReference<FollowerPosition> next = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> walk(next.updateAndGet(p -> p != null ? p : resumeFrom(start)), keys, next))
                        .runSubscriptionOn(worker)
                        .onFailure(UncheckedIOException.class).retry().withBackOff(backoffMin, backoffMax).indefinitely())
                .withDelay(poll)
                .indefinitely()
                .onItem().transformToIterable(steps -> steps);
    }

    /** Reads from {@code from} to the head (or {@link #ROOTS_PER_POLL} roots); moves {@code next} past what it read. */
    private List<Step> walk(FollowerPosition from, KeySchedule keys, AtomicReference<FollowerPosition> next) {
        List<Step> steps = new ArrayList<>();
        FollowerPosition at = from;
        for (int roots = 0; roots < ROOTS_PER_POLL; roots++) {
            ReadResult read;
            try {
                read = reader.read(at.root(), mode, at.sideKey(), 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // retried with backoff by follow()
            }
            if (read.messages().isEmpty()) break;
            read.skipped().forEach(skipped);
            SideKey key = at.sideKey();
            List<ReadResult.ReadMessage> messages = read.messages();
            for (int i = 0; i < messages.size(); i++) {
                ReadResult.ReadMessage m = messages.get(i);
                ChannelMessage message = new ChannelMessage(m.root(), m.index(), m.message(), m.nextRoot(), at.sideKey());
                key = keys.after(message, key);
                // Several leaves of one tree share a root: the position moves only past the last of them.
                boolean last = i == messages.size() - 1;
                steps.add(new Step(message, last ? new FollowerPosition(read.nextRoot(), key) : null));
            }
            at = new FollowerPosition(read.nextRoot(), key);
        }
        next.set(at);
        return steps;
    }

    /** Hands the message downstream, then saves the position after it (as AddressWatcher does its cursor). */
    private Multi<ChannelMessage> deliver(Step step) {
        AtomicBoolean handed = new AtomicBoolean();
        return Multi.createFrom().item(step.message())
                .onItem().invoke(() -> handed.set(true))
                .onTermination().invoke((failure, cancelled) -> {
                    if (failure == null && handed.get() && step.after() != null) store.save(step.after());
                });
    }
}
