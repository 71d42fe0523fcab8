package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressWatcherTest {

    private static final String ADDRESS = "A".repeat(81);
    private static final String OTHER = "B".repeat(81);
    private static final Duration FAST = Duration.ofMillis(5);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(() -> clock.incrementAndGet());
    private final List<AddressWatcher.Rejection> rejected = new ArrayList<>();

    private void send(String address, String json) {
        tangle.attach(MessageBundle.build(address, "IOTAHOME", json, 1_700_000_000L)).await().indefinitely();
    }

    private AddressWatcher watcher(Tangle t, CursorStore store) {
        return new AddressWatcher(t, ADDRESS, 0, FAST, FAST, FAST, store, rejected::add);
    }

    @Test
    void deliversEveryBundleAtTheAddressOnceInAttachmentOrder() {
        send(ADDRESS, "{\"n\":1}");
        send(OTHER, "{\"n\":99}");
        send(ADDRESS, "{\"n\":2,\"long\":\"" + "x".repeat(3000) + "\"}");
        send(ADDRESS, "{\"n\":3}");

        List<ReceivedMessage> got = watcher(tangle, CursorStore.none()).messages().select().first(3)
                .collect().asList().await().atMost(Duration.ofSeconds(10));

        assertThat(got).extracting(m -> m.json().substring(0, 6)).containsExactly("{\"n\":1", "{\"n\":2", "{\"n\":3");
        assertThat(got).allMatch(m -> m.address().equals(ADDRESS));
        assertThat(got.get(0).attachedAtMillis()).isLessThan(got.get(1).attachedAtMillis());
    }

    @Test
    void resumesFromTheSavedCursorAfterARestart(@TempDir Path dir) {
        CursorStore store = new FileCursorStore(dir.resolve("cursor.json"));
        send(ADDRESS, "{\"n\":1}");
        send(ADDRESS, "{\"n\":2}");
        assertThat(watcher(tangle, store).messages().select().first(2).collect().asList()
                .await().atMost(Duration.ofSeconds(10))).hasSize(2);

        send(ADDRESS, "{\"n\":3}");
        ReceivedMessage next = watcher(tangle, new FileCursorStore(dir.resolve("cursor.json"))).messages()
                .toUni().await().atMost(Duration.ofSeconds(10));

        assertThat(next.json()).isEqualTo("{\"n\":3}");
    }

    @Test
    void skipsAMalformedBundleWithAReasonAndGoesOn() {
        // a valid bundle whose fragments are no JSON message: trytes that do not start with OD
        List<Transaction> junk = MessageBundle.fromFragments(ADDRESS, "JUNK", List.of("ABC" + "9".repeat(2184)), 1_700_000_000L);
        tangle.attach(junk).await().indefinitely();
        send(ADDRESS, "{\"ok\":true}");

        ReceivedMessage got = watcher(tangle, CursorStore.none()).messages().toUni().await().atMost(Duration.ofSeconds(10));

        assertThat(got.json()).isEqualTo("{\"ok\":true}");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("does not start with '{'"));
    }

    @Test
    void refusesABundleWhoseHashDoesNotMatchItsEssenceButStillDeliversTheGenuineOne() {
        List<Transaction> genuine = MessageBundle.build(ADDRESS, "IOTAHOME", "{\"real\":1}", 1_700_000_000L);
        // the message is no part of the bundle hash, but the essence is: a changed timestamp breaks it
        List<Transaction> forged = MessageBundle.build(ADDRESS, "IOTAHOME", "{\"fake\":1}", 1_700_000_001L).stream()
                .map(tx -> tx.withBundle(genuine.get(0).bundle())).toList();
        InMemoryTangle t = new InMemoryTangle(() -> clock.incrementAndGet());
        forgedAttach(t, forged);
        t.attach(genuine).await().indefinitely();

        ReceivedMessage got = watcher(t, CursorStore.none()).messages().toUni().await().atMost(Duration.ofSeconds(10));

        assertThat(got.json()).isEqualTo("{\"real\":1}");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("does not match the essences"));
    }

    @Test
    void aReattachedBundleIsNotDeliveredTwice() {
        List<Transaction> bundle = MessageBundle.build(ADDRESS, "IOTAHOME", "{\"once\":1}", 1_700_000_000L);
        tangle.attach(bundle).await().indefinitely();
        tangle.attach(bundle).await().indefinitely();
        send(ADDRESS, "{\"after\":1}");

        List<ReceivedMessage> got = watcher(tangle, CursorStore.none()).messages().select().first(2).collect().asList()
                .await().atMost(Duration.ofSeconds(10));

        assertThat(got).extracting(ReceivedMessage::json).containsExactly("{\"once\":1}", "{\"after\":1}");
    }

    @Test
    void retriesWhenTheNodeIsDownAndSkipsNothing() {
        send(ADDRESS, "{\"n\":1}");
        AtomicInteger failures = new AtomicInteger(3);
        Tangle flaky = new Tangle() {
            @Override
            public Uni<List<Transaction>> attach(List<Transaction> bundle) {
                return tangle.attach(bundle);
            }

            @Override
            public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
                return Uni.createFrom().deferred(() -> failures.getAndDecrement() > 0
                        ? Uni.createFrom().failure(new NodeUnavailableException("down", null))
                        : tangle.bundlesSince(address, cursor));
            }

            @Override
            public Uni<List<String>> trytes(List<String> hashes) {
                return tangle.trytes(hashes);
            }
        };

        ReceivedMessage got = watcher(flaky, CursorStore.none()).messages().toUni().await().atMost(Duration.ofSeconds(10));

        assertThat(got.json()).isEqualTo("{\"n\":1}");
        assertThat(failures.get()).isNegative();
    }

    /** Stores a bundle as an attacker would: trunk chain and all, but with a bundle hash it does not own. */
    private void forgedAttach(InMemoryTangle t, List<Transaction> bundle) {
        String previous = "9".repeat(81);
        List<String> out = new ArrayList<>();
        for (int i = bundle.size() - 1; i >= 0; i--) {
            Transaction tx = bundle.get(i).attachedTo(previous, "9".repeat(81), clock.incrementAndGet() - 1_000);
            previous = tx.hash();
            out.add(tx.toTrytes());
        }
        out.forEach(t::put);
    }

    private AddressWatcher bounded(Tangle t, CursorStore store, int remembered) {
        return new AddressWatcher(t, ADDRESS, 0, FAST, FAST, FAST, store, rejected::add,
                new AddressWatcher.Limits(remembered, 10_000, () -> Long.MAX_VALUE));
    }

    /** A store that keeps the last cursor and counts how often it was written. */
    private static final class CountingStore implements CursorStore {
        volatile TangleCursor last;
        final AtomicInteger saves = new AtomicInteger();

        @Override
        public java.util.Optional<TangleCursor> load() {
            return java.util.Optional.ofNullable(last);
        }

        @Override
        public void save(TangleCursor cursor) {
            last = cursor;
            saves.incrementAndGet();
        }
    }

    @Test
    void aBoundedCursorStaysWithinItsBoundHoweverMuchArrivesAndStillDeliversEachMessageOnce() {
        CountingStore store = new CountingStore();
        for (int n = 1; n <= 60; n++) send(ADDRESS, "{\"n\":" + n + "}");

        List<ReceivedMessage> got = bounded(tangle, store, 20).messages().select().first(60)
                .collect().asList().await().atMost(Duration.ofSeconds(30));

        assertThat(got).extracting(ReceivedMessage::json).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(n -> "{\"n\":" + n + "}").toList());
        assertThat(store.last.remembered()).isLessThanOrEqualTo(20);
        assertThat(store.last.since()).isPositive();

        // A new watcher from the saved bounded cursor: the old messages stay settled, the next one comes.
        send(ADDRESS, "{\"n\":61}");
        ReceivedMessage next = bounded(tangle, store, 20).messages().toUni().await().atMost(Duration.ofSeconds(10));
        assertThat(next.json()).isEqualTo("{\"n\":61}");
        assertThat(store.last.remembered()).isLessThanOrEqualTo(20);
    }

    @Test
    void spamBeforeTheMarkIsFetchedOnceAndNotSavedBundleByBundle() {
        CountingStore store = new CountingStore();
        for (int n = 1; n <= 30; n++)
            tangle.attach(MessageBundle.fromFragments(ADDRESS, "SPAM",
                    List.of("ABC" + (char) ('A' + n / 26) + (char) ('A' + n % 26) + "9".repeat(2182)), 1_700_000_000L)).await().indefinitely();
        send(ADDRESS, "{\"real\":1}");
        List<Integer> fetched = new ArrayList<>();
        Tangle counting = new Tangle() {
            @Override
            public Uni<List<Transaction>> attach(List<Transaction> bundle) {
                return tangle.attach(bundle);
            }

            @Override
            public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
                return tangle.bundlesSince(address, cursor).invoke(b -> fetched.add(b.size()));
            }

            @Override
            public Uni<List<String>> trytes(List<String> hashes) {
                return tangle.trytes(hashes);
            }
        };

        AddressWatcher watcher = bounded(counting, store, 10);
        ReceivedMessage got = watcher.messages().toUni().await().atMost(Duration.ofSeconds(10));
        assertThat(got.json()).isEqualTo("{\"real\":1}");
        assertThat(rejected).hasSize(30);
        assertThat(store.saves.get()).isLessThanOrEqualTo(2);       // the poll's end and the message, not each junk bundle
        assertThat(store.last.remembered()).isLessThanOrEqualTo(10);

        // The same watcher polls again: nothing it has seen is fetched again, though its cursor forgot most of it.
        fetched.clear();
        send(ADDRESS, "{\"real\":2}");
        assertThat(watcher.messages().toUni().await().atMost(Duration.ofSeconds(10)).json()).isEqualTo("{\"real\":2}");
        assertThat(fetched).allMatch(n -> n <= 1);
    }

    @Test
    void aBundleStampedInTheFutureCannotHoldTheMarkBack() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        CountingStore store = new CountingStore();
        AddressWatcher watcher = new AddressWatcher(tangle, ADDRESS, 0, FAST, FAST, FAST, store, rejected::add,
                new AddressWatcher.Limits(4, 100, now::get));
        for (int n = 1; n <= 8; n++) send(ADDRESS, "{\"n\":" + n + "}");

        watcher.messages().select().first(8).collect().asList().await().atMost(Duration.ofSeconds(10));

        // The in-memory Tangle stamps after the watcher's clock: every time counts as now, and the mark never passes it.
        assertThat(store.last.since()).isLessThanOrEqualTo(now.get());
        assertThat(store.last.attachedAt().values()).allMatch(t -> t <= now.get());
    }
}
