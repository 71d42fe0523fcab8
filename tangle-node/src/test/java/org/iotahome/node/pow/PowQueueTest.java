package org.iotahome.node.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A full queue refuses at once (the API answers 503) instead of making every client wait. */
class PowQueueTest {

    @Test
    void aJobBeyondTheQueueIsRefusedAtOnceAndTheOthersStillFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PowQueue.AttachJob slow = (trunk, branch, mwm, trytes) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return trytes;
        };
        try (PowQueue queue = new PowQueue(slow, 1, 2)) {
            CompletableFuture<List<String>> running = queue.attach("T", "B", 9, List.of("A"));
            CompletableFuture<List<String>> first = queue.attach("T", "B", 9, List.of("B"));
            CompletableFuture<List<String>> second = queue.attach("T", "B", 9, List.of("C"));
            awaitWaiting(queue, 2);

            assertThatThrownBy(() -> queue.attach("T", "B", 9, List.of("D")))
                    .isInstanceOf(PowQueueFullException.class).hasMessageContaining("2 bundles waiting");

            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS)).containsExactly("A");
            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly("B");
            assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly("C");
            assertThat(queue.attach("T", "B", 9, List.of("E")).get(30, TimeUnit.SECONDS)).containsExactly("E");
        }
    }

    private static void awaitWaiting(PowQueue queue, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (queue.waiting() < n && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(queue.waiting()).isEqualTo(n);
    }
}
