package org.iotahome.protocol.pow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trytes;

/**
 * Proof of work (PROTOCOL.md §2): a nonce that makes the Curl-P-81 transaction hash end in at
 * least {@code minWeightMagnitude} zero trits. Every worker thread searches a disjoint part of
 * the nonce space with bit-sliced Curl: in C with AVX-512/AVX2 where the native library loads,
 * else with the Vector API, else 64 lanes on plain longs. All three find valid nonces; they
 * differ only in speed.
 */
public final class ProofOfWork {

    public static final int TRANSACTION_TRITS = 8019;
    private static final int LAST_CHUNK = TRANSACTION_TRITS - 243;

    private final int workers;
    private final Supplier<NonceSearch> engine;
    private final String engineName;
    /** Daemon threads kept between searches: a search at low weight lasts milliseconds. */
    private final ExecutorService pool;

    private ProofOfWork(int workers, Supplier<NonceSearch> engine, String engineName) {
        if (workers < 1 || workers > 243) throw new IllegalArgumentException("workers must be 1..243, was " + workers);
        this.workers = workers;
        this.engine = engine;
        this.engineName = engineName;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pow-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    /** All cores, the widest engine this JVM offers. */
    public static ProofOfWork create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    public static ProofOfWork create(int workers) {
        if (NativeLibrary.loaded())
            return new ProofOfWork(workers, NativeNonceSearch::new, "native" + 64 * NativeNonceSearch.words());
        return jvm(workers);
    }

    /** The fastest engine in pure Java: the Vector API where present, else 64-bit lanes. */
    public static ProofOfWork jvm(int workers) {
        if (vectorApiAvailable())
            return new ProofOfWork(workers, VectorNonceSearch::new, "vector" + VectorNonceSearch.lanes());
        return portable(workers);
    }

    /** The 64-lane engine on plain {@code long}s, for JVMs without the Vector API. */
    public static ProofOfWork portable(int workers) {
        return new ProofOfWork(workers, ScalarNonceSearch::new, "scalar64");
    }

    /** Which engine searches, e.g. {@code vector256}, for logs and benchmark lines. */
    public String engine() {
        return engineName + "x" + workers;
    }

    /** The 2673 transaction trytes with a nonce that meets {@code minWeightMagnitude}. */
    public String attach(String transactionTrytes, int minWeightMagnitude) {
        byte[] trits = Trytes.toTrits(Trytes.requireTrytes("transaction", transactionTrytes, TRANSACTION_TRITS / 3));
        byte[] nonce = search(trits, minWeightMagnitude);
        System.arraycopy(nonce, 0, trits, TRANSACTION_TRITS - nonce.length, nonce.length);
        return Trytes.fromTrits(trits);
    }

    /** The 81 nonce trits for a transaction's 8019 trits. */
    public byte[] search(byte[] transactionTrits, int minWeightMagnitude) {
        if (transactionTrits.length != TRANSACTION_TRITS)
            throw new IllegalArgumentException("a transaction is 8019 trits, got " + transactionTrits.length);
        if (minWeightMagnitude < 0 || minWeightMagnitude > 243)
            throw new IllegalArgumentException("minWeightMagnitude must be 0..243, was " + minWeightMagnitude);
        Curl curl = Curl.p81();
        curl.absorb(transactionTrits, 0, LAST_CHUNK);
        byte[] midState = curl.state();
        byte[] lastChunk = java.util.Arrays.copyOfRange(transactionTrits, LAST_CHUNK, TRANSACTION_TRITS);
        StopSignal stop = new StopSignal();
        CompletableFuture<byte[]> found = new CompletableFuture<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                if (stop.isSet()) return;
                try {
                    byte[] nonce = engine.get().search(midState, lastChunk, minWeightMagnitude, worker, stop);
                    if (nonce != null) found.complete(nonce);
                } catch (RuntimeException | Error e) {
                    found.completeExceptionally(e);
                }
            });
        }
        try {
            return found.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("proof of work interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("proof of work failed: " + e.getCause(), e.getCause());
        } finally {
            stop.set();
        }
    }

    /** The number of trailing zero trits of a 243-trit hash. */
    public static int weight(byte[] hash) {
        int n = 0;
        for (int i = hash.length - 1; i >= 0 && hash[i] == 0; i--) n++;
        return n;
    }

    private static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
