package org.iotahome.node.pow;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * attachToTangle's proof of work on a bounded queue: a few workers (each search already uses
 * every core) and a fixed number of waiting jobs. A job beyond that is refused at once with
 * {@link PowQueueFullException} rather than making every client wait behind it.
 */
public final class PowQueue implements AutoCloseable {

    /** IRI's attachToTangle: {@code Attacher::attach} in the node; anything slow in tests. */
    @FunctionalInterface
    public interface AttachJob {
        List<String> attach(String trunk, String branch, int minWeightMagnitude, List<String> trytes);
    }

    private final AttachJob attacher;
    private final ThreadPoolExecutor executor;
    private final int capacity;

    public PowQueue(AttachJob attacher, int workers, int capacity) {
        if (workers < 1) throw new IllegalArgumentException("PoW workers must be at least 1, was " + workers);
        if (capacity < 1) throw new IllegalArgumentException("PoW queue capacity must be at least 1, was " + capacity);
        this.attacher = attacher;
        this.capacity = capacity;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "pow-queue");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The attached trytes (tail first), computed when a worker is free. */
    public CompletableFuture<List<String>> attach(String trunk, String branch, int minWeightMagnitude, List<String> trytes) {
        try {
            return CompletableFuture.supplyAsync(() -> attacher.attach(trunk, branch, minWeightMagnitude, trytes), executor);
        } catch (RejectedExecutionException e) {
            throw new PowQueueFullException(capacity);
        }
    }

    public int waiting() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
