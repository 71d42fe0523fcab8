package org.iotahome.protocol.tangle;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Polls one address and turns what arrives into a stream of direct messages (PROTOCOL.md §3):
 * every new bundle exactly once, in attachment order; a malformed bundle is skipped and reported
 * with its reason. The cursor is saved after each bundle has been handed downstream, so a restart
 * resumes where the last run stopped. A node that cannot be reached is retried with backoff: a
 * poll either completes or is repeated, so nothing is skipped.
 */
public final class AddressWatcher {

    /** A bundle at the address that was not delivered, and why. */
    public record Rejection(String address, String bundleHash, String reason) {}

    /**
     * How much a bounded watcher remembers: at most {@code remembered} hashes in its cursor (older
     * ones are covered by the cursor's time mark), and at most {@code forgotten} hashes, in memory
     * only, of what lies before the mark, so a poll does not fetch them again (beyond that they
     * are fetched, seen to be old and passed over). Attachment times later than {@code clockMillis}
     * count as now, so a bundle stamped in the future cannot hold the mark back.
     */
    public record Limits(int remembered, int forgotten, LongSupplier clockMillis) {
        public Limits {
            if (remembered < 2) throw new IllegalArgumentException("remember at least 2 hashes, not " + remembered);
            if (forgotten < 0) throw new IllegalArgumentException("forgotten must not be negative, got " + forgotten);
            Objects.requireNonNull(clockMillis, "clockMillis");
        }
    }

    /**
     * One bundle's outcome: the message (or null when rejected, a reattachment or before the time
     * mark), the cursor after it, and whether to save it (a bundle passed over is saved only as the
     * last of its poll: repeating it after a crash delivers nothing).
     */
    record Step(ReceivedMessage message, Rejection rejection, TangleCursor cursor, boolean save) {
        Step(ReceivedMessage message, Rejection rejection, TangleCursor cursor) {
            this(message, rejection, cursor, true);
        }
    }

    private final Tangle tangle;
    private final String address;
    private final BundleValidator validator;
    private final Duration interval;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final CursorStore store;
    private final Consumer<Rejection> rejections;
    private final AtomicReference<TangleCursor> cursor = new AtomicReference<>();
    /** Null: unbounded, every hash remembered in the cursor. */
    private final Limits limits;
    /** Hashes before the time mark seen by this watcher, oldest first; in memory only. */
    private final Set<String> forgotten = new LinkedHashSet<>();

    /** An unbounded watcher: its cursor remembers every hash that ever reached the address. */
    public AddressWatcher(Tangle tangle, String address, int minWeightMagnitude, Duration interval, Duration backoffMin,
            Duration backoffMax, CursorStore store, Consumer<Rejection> rejections) {
        this(tangle, address, minWeightMagnitude, interval, backoffMin, backoffMax, store, rejections, null);
    }

    /**
     * A bounded watcher (when {@code limits} is not null): its cursor stays within
     * {@link Limits#remembered} however much reaches the address, for a public address anyone can
     * spam. A genuine message that reaches the node only after {@code remembered / 2} later ones
     * were read is taken for old and passed over; a sender that waits for an answer sends again.
     */
    public AddressWatcher(Tangle tangle, String address, int minWeightMagnitude, Duration interval, Duration backoffMin,
            Duration backoffMax, CursorStore store, Consumer<Rejection> rejections, Limits limits) {
        this.limits = limits;
        this.tangle = tangle;
        this.address = org.iotahome.protocol.trinary.Trytes.requireTrytes("address", address, Transaction.HASH_TRYTES);
        this.validator = BundleValidator.attached(minWeightMagnitude);
        this.interval = interval;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
        this.store = store;
        this.rejections = rejections;
    }

    /** Messages as they arrive; polling stops when the subscriber cancels. */
    public Multi<ReceivedMessage> messages() {
        return Multi.createBy().repeating()
                .uni(() -> poll(current()))
                .withDelay(interval)
                .indefinitely()
                .onItem().transformToIterable(steps -> steps)
                .onItem().transformToMultiAndConcatenate(this::deliver);
    }

    /** The cursor this watcher resumes from, loaded from the store on first use. */
    public TangleCursor current() {
        return cursor.updateAndGet(c -> c != null ? c : store.load().orElse(TangleCursor.START));
    }

    private Uni<List<Step>> poll(TangleCursor from) {
        return tangle.bundlesSince(address, query(from))
                .onFailure(NodeUnavailableException.class).retry().withBackOff(backoffMin, backoffMax).indefinitely()
                .map(bundles -> {
                    List<Step> steps = steps(from, bundles);
                    // The next poll starts after these bundles even before they are delivered; the
                    // store only learns of each once it has been handed downstream.
                    if (!steps.isEmpty()) cursor.set(steps.get(steps.size() - 1).cursor());
                    return steps;
                });
    }

    /** What the node is asked to leave out: the cursor's transactions and, bounded, those known to be before its mark. */
    private TangleCursor query(TangleCursor from) {
        if (limits == null) return from;
        synchronized (forgotten) {
            if (forgotten.isEmpty()) return from;
            Set<String> known = new HashSet<>(from.transactions());
            known.addAll(forgotten);
            return new TangleCursor(known, Set.of());
        }
    }

    /** What each new bundle instance yields, in order; each step's cursor includes it and all before. */
    List<Step> steps(TangleCursor from, List<List<Transaction>> bundles) {
        List<Step> steps = new ArrayList<>(bundles.size());
        TangleCursor c = from;
        for (List<Transaction> bundle : bundles) {
            String hash = bundle.get(0).bundle();
            if (limits != null && c.beforeMark(bundle)) {
                forget(bundle);                 // settled by the mark: read before, or too late
                steps.add(new Step(null, null, c, false));
                continue;
            }
            if (c.delivered(bundle)) {
                c = settle(c, bundle, false); // a reattachment of a message already read
                steps.add(new Step(null, null, c, false));
                continue;
            }
            String problem = validator.problem(bundle);
            if (problem != null) {
                // Not the bundle hash: a forged instance must not hide the genuine one arriving later.
                c = settle(c, bundle, false);
                steps.add(new Step(null, new Rejection(address, hash, problem), c, false));
                continue;
            }
            c = settle(c, bundle, true);
            try {
                String json = JsonFragments.extract(bundle.stream().map(Transaction::signatureMessageFragment).toList());
                steps.add(new Step(new ReceivedMessage(address, json, hash, bundle.get(0).attachmentTimestamp()), null, c));
            } catch (MalformedMessageException e) {
                steps.add(new Step(null, new Rejection(address, hash, e.getMessage()), c, false));
            }
        }
        // The poll's last step saves the cursor, whatever it was.
        if (!steps.isEmpty() && !steps.get(steps.size() - 1).save()) {
            Step last = steps.remove(steps.size() - 1);
            steps.add(new Step(last.message(), last.rejection(), last.cursor(), true));
        }
        return steps;
    }

    private TangleCursor settle(TangleCursor c, List<Transaction> bundle, boolean delivered) {
        if (limits == null) return c.settle(bundle, delivered);
        long at = Math.min(bundle.get(0).attachmentTimestamp(), limits.clockMillis().getAsLong());
        TangleCursor settled = c.settle(bundle, delivered, at);
        TangleCursor bounded = settled.bounded(limits.remembered());
        // What the cursor forgets is still known here, so the next poll does not fetch it again.
        if (bounded != settled) forget(settled.transactions().stream().filter(h -> !bounded.transactions().contains(h)).toList());
        return bounded;
    }

    private void forget(List<Transaction> bundle) {
        forget(bundle.stream().map(Transaction::hash).toList());
    }

    private void forget(Collection<String> hashes) {
        synchronized (forgotten) {
            forgotten.addAll(hashes);
            Iterator<String> oldest = forgotten.iterator();
            while (forgotten.size() > limits.forgotten() && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /**
     * Hands the message downstream, then saves the cursor: on completion, or on a cancellation
     * that came once the subscriber had taken the message (e.g. {@code select().first(n)}).
     */
    private Multi<ReceivedMessage> deliver(Step step) {
        if (step.rejection() != null) rejections.accept(step.rejection());
        if (step.message() == null) return Multi.createFrom().<ReceivedMessage>empty().onCompletion().invoke(() -> {
            if (step.save()) store.save(step.cursor());
        });
        AtomicBoolean handed = new AtomicBoolean();
        return Multi.createFrom().item(step.message())
                .onItem().invoke(() -> handed.set(true))
                .onTermination().invoke((failure, cancelled) -> {
                    if (failure == null && handed.get()) store.save(step.cursor());
                });
    }
}
