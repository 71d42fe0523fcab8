package org.iotahome.protocol.tangle;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

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

    /** One bundle's outcome: the message (or null when rejected or a reattachment) and the cursor after it. */
    record Step(ReceivedMessage message, Rejection rejection, TangleCursor cursor) {}

    private final Tangle tangle;
    private final String address;
    private final BundleValidator validator;
    private final Duration interval;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final CursorStore store;
    private final Consumer<Rejection> rejections;
    private final AtomicReference<TangleCursor> cursor = new AtomicReference<>();

    public AddressWatcher(Tangle tangle, String address, int minWeightMagnitude, Duration interval, Duration backoffMin,
            Duration backoffMax, CursorStore store, Consumer<Rejection> rejections) {
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
        return tangle.bundlesSince(address, from)
                .onFailure(NodeUnavailableException.class).retry().withBackOff(backoffMin, backoffMax).indefinitely()
                .map(bundles -> {
                    List<Step> steps = steps(from, bundles);
                    // The next poll starts after these bundles even before they are delivered; the
                    // store only learns of each once it has been handed downstream.
                    if (!steps.isEmpty()) cursor.set(steps.get(steps.size() - 1).cursor());
                    return steps;
                });
    }

    /** What each new bundle instance yields, in order; each step's cursor includes it and all before. */
    List<Step> steps(TangleCursor from, List<List<Transaction>> bundles) {
        List<Step> steps = new ArrayList<>(bundles.size());
        TangleCursor c = from;
        for (List<Transaction> bundle : bundles) {
            String hash = bundle.get(0).bundle();
            if (c.delivered(bundle)) {
                c = c.settle(bundle, false); // a reattachment of a message already read
                steps.add(new Step(null, null, c));
                continue;
            }
            String problem = validator.problem(bundle);
            if (problem != null) {
                // Not the bundle hash: a forged instance must not hide the genuine one arriving later.
                c = c.settle(bundle, false);
                steps.add(new Step(null, new Rejection(address, hash, problem), c));
                continue;
            }
            c = c.settle(bundle, true);
            try {
                String json = JsonFragments.extract(bundle.stream().map(Transaction::signatureMessageFragment).toList());
                steps.add(new Step(new ReceivedMessage(address, json, hash, bundle.get(0).attachmentTimestamp()), null, c));
            } catch (MalformedMessageException e) {
                steps.add(new Step(null, new Rejection(address, hash, e.getMessage()), c));
            }
        }
        return steps;
    }

    /**
     * Hands the message downstream, then saves the cursor: on completion, or on a cancellation
     * that came once the subscriber had taken the message (e.g. {@code select().first(n)}).
     */
    private Multi<ReceivedMessage> deliver(Step step) {
        if (step.rejection() != null) rejections.accept(step.rejection());
        if (step.message() == null) return Multi.createFrom().<ReceivedMessage>empty().onCompletion().invoke(() -> store.save(step.cursor()));
        AtomicBoolean handed = new AtomicBoolean();
        return Multi.createFrom().item(step.message())
                .onItem().invoke(() -> handed.set(true))
                .onTermination().invoke((failure, cancelled) -> {
                    if (failure == null && handed.get()) store.save(step.cursor());
                });
    }
}
