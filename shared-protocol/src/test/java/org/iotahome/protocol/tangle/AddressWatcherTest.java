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
}
