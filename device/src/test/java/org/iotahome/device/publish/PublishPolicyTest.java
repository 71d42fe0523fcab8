package org.iotahome.device.publish;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishPolicyTest {

    private static final List<Integer> FIFTY = IntStream.range(0, 50).boxed().toList();

    @Test
    void sampleKeepsTheFirstOfEveryNAloneAndAtOnce() {
        PublishPolicy policy = new PublishPolicy(PublishMode.SAMPLE, 10, Duration.ofSeconds(30));
        List<List<Integer>> groups = policy.groups(Multi.createFrom().range(0, 25)).collect().asList()
                .await().atMost(Duration.ofSeconds(10));
        assertThat(groups).containsExactly(List.of(0), List.of(10), List.of(20));
    }

    @Test
    void sampleCountsAfreshForEachSubscription() {
        PublishPolicy policy = new PublishPolicy(PublishMode.SAMPLE, 3, Duration.ofSeconds(30));
        Multi<List<Integer>> groups = policy.groups(Multi.createFrom().range(0, 4));
        assertThat(groups.collect().asList().await().atMost(Duration.ofSeconds(10))).containsExactly(List.of(0), List.of(3));
        assertThat(groups.collect().asList().await().atMost(Duration.ofSeconds(10))).containsExactly(List.of(0), List.of(3));
    }

    @Test
    void keepOneInOnePublishesEveryReading() {
        PublishPolicy policy = new PublishPolicy(PublishMode.SAMPLE, 1, Duration.ofSeconds(30));
        assertThat(policy.groups(Multi.createFrom().range(0, 3)).collect().asList().await().atMost(Duration.ofSeconds(10)))
                .containsExactly(List.of(0), List.of(1), List.of(2));
    }

    @Test
    void batchLosesNothingKeepsOrderAndSkipsEmptyIntervals() throws InterruptedException {
        PublishPolicy policy = new PublishPolicy(PublishMode.BATCH, 10, Duration.ofMillis(40));
        AtomicReference<MultiEmitter<? super Integer>> emitter = new AtomicReference<>();
        AssertSubscriber<List<Integer>> groups = policy.groups(Multi.createFrom().<Integer>emitter(emitter::set))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        for (int i : FIFTY) {
            emitter.get().emit(i);
            Thread.sleep(i % 10 == 9 ? 120 : 2);        // pauses longer than an interval: empty windows
        }
        emitter.get().complete();                        // the last, partial interval is published too
        groups.awaitCompletion(Duration.ofSeconds(10));

        List<List<Integer>> published = groups.getItems();
        assertThat(published).hasSizeGreaterThan(1).allSatisfy(g -> assertThat(g).isNotEmpty());
        assertThat(published.stream().flatMap(List::stream).toList()).isEqualTo(FIFTY);
    }

    @Test
    void whileEarlierEventsWaitForTheTangleTheBatchGrowsThenClosesAtTheNextTick() throws InterruptedException {
        PublishPolicy policy = new PublishPolicy(PublishMode.BATCH, 10, Duration.ofMillis(40), Duration.ofHours(1));
        java.util.concurrent.atomic.AtomicBoolean behind = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicReference<MultiEmitter<? super Integer>> emitter = new AtomicReference<>();
        AssertSubscriber<List<Integer>> groups = policy.groups(Multi.createFrom().<Integer>emitter(emitter::set),
                        Multi.createFrom().nothing(), behind::get)
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        for (int i : FIFTY) {
            emitter.get().emit(i);
            Thread.sleep(4);                              // 200 ms: five intervals
        }
        assertThat(groups.getItems()).as("no batch closes while the drain is behind").isEmpty();
        behind.set(false);
        groups.awaitItems(1, Duration.ofSeconds(5));
        assertThat(groups.getItems()).containsExactly(FIFTY);
    }

    @Test
    void aBatchHeldOpenClosesAtTheLongestIntervalAllTheSame() throws InterruptedException {
        PublishPolicy policy = new PublishPolicy(PublishMode.BATCH, 10, Duration.ofMillis(40), Duration.ofMillis(200));
        AtomicReference<MultiEmitter<? super Integer>> emitter = new AtomicReference<>();
        AssertSubscriber<List<Integer>> groups = policy.groups(Multi.createFrom().<Integer>emitter(emitter::set),
                        Multi.createFrom().nothing(), () -> true)
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        long start = System.nanoTime();
        emitter.get().emit(1);
        groups.awaitItems(1, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(groups.getItems()).containsExactly(List.of(1));
    }

    @Test
    void refusesPoliciesThatCannotWork() {
        assertThatThrownBy(() -> new PublishPolicy(PublishMode.SAMPLE, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> new PublishPolicy(PublishMode.BATCH, 10, Duration.ZERO))
                .hasMessageContaining("must be positive, got PT0S");
        assertThatThrownBy(() -> new PublishPolicy(null, 10, Duration.ofSeconds(1))).hasMessageContaining("sample or batch");
        assertThatThrownBy(() -> new PublishPolicy(PublishMode.BATCH, 10, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .hasMessageContaining("at least the interval");
    }

    @Test
    void aRequestToPublishNowClosesTheBatchAtOnceAndTheNextWindowStartsEmpty() {
        PublishPolicy policy = new PublishPolicy(PublishMode.BATCH, 10, Duration.ofHours(1));
        AtomicReference<MultiEmitter<? super Integer>> readings = new AtomicReference<>();
        PublishNow now = new PublishNow();
        AssertSubscriber<List<Integer>> groups = policy.groups(Multi.createFrom().<Integer>emitter(readings::set), now.requests())
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        readings.get().emit(1).emit(2).emit(3);
        now.request();
        groups.awaitItems(1, Duration.ofSeconds(5));
        assertThat(groups.getItems()).containsExactly(List.of(1, 2, 3));

        now.request();                                   // nothing held: nothing published
        readings.get().emit(4);
        readings.get().complete();
        groups.awaitCompletion(Duration.ofSeconds(5));
        assertThat(groups.getItems()).containsExactly(List.of(1, 2, 3), List.of(4));
    }
}
