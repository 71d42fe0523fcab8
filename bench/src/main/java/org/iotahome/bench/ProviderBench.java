package org.iotahome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.mam.ChannelFollower;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.provider.health.FollowerStatus;
import org.iotahome.provider.health.ObservedSource;
import org.iotahome.provider.readings.ReadingSink;

/**
 * {@code ./iotahome bench provider [N ...] [--measure S] [--poll S] [--pregen-limit S] [--no-baseline]}: how many
 * households one provider instance follows on this machine with its readings no older than 10 s
 * at the 95th percentile (issue 12, item 7), for N = 100, 1,000, 10,000 (stopping once it falls
 * behind), and the readings it ingests per second.
 *
 * <p><b>Devices.</b> Each household has its own device channel as the device makes it
 * (restricted MAM, security 2, one leaf per tree) carrying one DATA event every 10 s: one DSMR 5.0
 * reading with its telegram, in the device's sample form (as {@link DeviceBench} builds it; 3
 * transactions). Signing ~5 ms and bundling a message cost more than following it, and on two
 * shared cores the devices would starve the provider they are meant to load; so every message is
 * made and attached to one {@link InMemoryTangle} before the runs (the bundle hash is taken once,
 * not searched for an M-free normalization as the device does: no reader checks that), and a thin
 * gate in front of the Tangle keeps each message's address empty until its publish time. Each
 * device publishes at a random phase within the 10 s. A message's attach time is its publish time.
 *
 * <p><b>Provider.</b> What ReadingsFlow runs for each grant, outside Quarkus: GrantFollower's
 * {@link ChannelFollower} on the device channel (restricted, the real MAM decode and bundle checks of
 * {@link TangleMessageTransport}) merged with ConsentWatch's on the consent channel (at its head,
 * nothing new: one empty read per poll), each over the provider's {@link ObservedSource}/{@link FollowerStatus},
 * with the provider's key schedule ({@link RotatedKeys}), poll ({@code provider.readings-poll}, 10 s
 * by default) and retry (1 s .. 1 min), on a worker pool the size of Quarkus's default
 * (max(200, 8 x cores)) that is also Mutiny's default executor, as in Quarkus; each message decoded
 * by {@link EventCodec} and its DATA handed to a {@link ReadingSink}. The sink is in memory and
 * records when each reading was stored ({@code store=memory}); the position store is in memory too.
 * GrantFollower and ConsentWatch themselves are not constructed: their position store is the
 * database's, through QuarkusTransaction. Followers start at random moments within the first poll,
 * as grants arrive. The service follows up to {@code provider.followed-max} grants (10,000 by default).
 *
 * <p><b>Baseline</b> ({@code refetch-from-first-root}): the seed's provider, which read a channel
 * with {@code MAM.fetch(root)} from the root it was given: the same households, pool, poll,
 * source and sink, but each poll re-reads the channel from its first root and hands on the
 * messages it had not handed before. Its cost grows with each channel's length, which here is at
 * most a minute's worth of messages.
 *
 * <p><b>Measured.</b> Staleness of a reading = when it was handed to the sink minus its publish
 * (attach) time, over the readings published in the measuring window (after a warm-up of one
 * poll); a reading not stored by the end of the run counts as (end - publish), a lower bound,
 * shown with '&gt;'. readings_per_s = readings stored per second in the window (offered: N / 10).
 * The window is 40 s by default (--measure), so that 100 to 10,000 fit in about ten minutes.
 * Each run prints the CPU the process used (in cores) and how busy the whole machine was, to tell
 * a shared machine from a slow provider.
 */
public final class ProviderBench {

    /** provider.readings-poll's default (application.properties). */
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    /** Quarkus's default worker pool: quarkus.thread-pool.max-threads = max(8 x cores, 200). */
    private static final int WORKERS = Math.max(200, 8 * Runtime.getRuntime().availableProcessors());
    private static final long PUBLISH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final double TARGET_SECONDS = 10;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(12);
    private static final String OURS = "channel-follower";
    private static final String BASELINE = "refetch-from-first-root";

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // jota's slf4j, unused here, would warn of no provider
        List<Integer> sizes = new ArrayList<>();
        long measureSeconds = 40;
        Duration poll = DEFAULT_POLL;
        // About 3 min for 10,000 households on two idle cores; a busier machine may need more, up to this.
        long pregenLimitSeconds = 420;
        boolean withBaseline = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--measure" -> measureSeconds = Long.parseLong(args[++i]);
                case "--poll" -> poll = Duration.ofMillis(Math.round(Double.parseDouble(args[++i]) * 1000));
                case "--pregen-limit" -> pregenLimitSeconds = Long.parseLong(args[++i]);
                // For profiling ours alone (a JFR recording of one strategy); figures to report keep the baseline.
                case "--no-baseline" -> withBaseline = false;
                default -> sizes.add(Integer.parseInt(args[i].replace(",", "").replace("_", "")));
            }
        }
        if (sizes.isEmpty()) sizes = List.of(100, 1_000, 10_000);
        long measureNanos = TimeUnit.SECONDS.toNanos(measureSeconds);
        // Messages each device publishes in one run: from its phase on, every 10 s, until the window closes.
        int messages = (int) ((WARMUP_NANOS + measureNanos + PUBLISH_EVERY_NANOS - 1) / PUBLISH_EVERY_NANOS);
        System.err.printf(Locale.ROOT, "provider: tangle in memory, in this process; %d s warm-up, %d s measured, %d s to drain; "
                + "%d DATA per household per run; poll %s; %d workers%n", WARMUP_NANOS / 1_000_000_000, measureSeconds,
                DRAIN_NANOS / 1_000_000_000, messages, poll, WORKERS);

        SimulatedHouseholds pool = new SimulatedHouseholds(messages);
        Integer kept = null, baselineKept = null;
        boolean baselineBehind = false;
        List<Integer> tried = new ArrayList<>();
        for (int n : sizes) {
            double estimate = pool.secondsToReach(n);
            if (estimate > pregenLimitSeconds) {
                System.out.printf(Locale.ROOT, "provider households=%d skipped=pregeneration_too_slow estimated_s=%.0f limit_s=%d "
                        + "(%.1f ms per household of MAM signing and bundling here; raise with --pregen-limit)%n", n, estimate,
                        pregenLimitSeconds, pool.msPerHousehold());
                break;
            }
            long t = System.nanoTime();
            pool.reach(n);
            System.err.printf(Locale.ROOT, "provider: %d households, %d messages on the Tangle, made in %.0f s (%.1f ms per household)%n",
                    n, n * messages, (System.nanoTime() - t) / 1e9, pool.msPerHousehold());
            if (tried.isEmpty()) pool.warmUp(100);
            tried.add(n);
            Result ours = run(pool, n, poll, measureNanos, false);
            System.out.println(ours.line("provider households=" + n, poll));
            if (!withBaseline) {
                System.out.printf(Locale.ROOT, "provider baseline=%s households=%d skipped=--no-baseline%n", BASELINE, n);
            } else if (!baselineBehind) {
                Result base = run(pool, n, poll, measureNanos, true);
                System.out.println(base.line("provider baseline=" + BASELINE + " households=" + n, poll));
                if (base.keptUp()) baselineKept = n;
                else baselineBehind = true;
            } else {
                System.out.printf(Locale.ROOT, "provider baseline=%s households=%d skipped=behind_at_smaller_n%n", BASELINE, n);
            }
            if (!ours.keptUp()) break;
            kept = n;
        }
        System.out.printf(Locale.ROOT, "provider max_households=%s baseline_max_households=%s tried=%s target=staleness_p95_s<=%.0f "
                        + "follower=%s baseline=%s tangle=memory(in-process) store=memory%n",
                kept == null ? "none" : kept, baselineKept == null ? "none" : baselineKept,
                String.join(",", tried.stream().map(String::valueOf).toList()), TARGET_SECONDS, OURS, BASELINE);
    }

    // ---------------------------------------------------------------------------------------- a run

    private record Result(String strategy, int households, double p50, double p95, double max, boolean p50Censored,
            boolean p95Censored, int readings,
            int unstored, double readingsPerSecond, double offeredPerSecond, double processCores, double machineBusy, long failures) {

        /** Readings not stored by the end are older than the drain (12 s) already, so this holds with them too. */
        boolean keptUp() {
            return p95 <= TARGET_SECONDS;
        }

        String line(String head, Duration poll) {
            return String.format(Locale.ROOT, "%s staleness_p95_s=%s%.2f readings_per_s=%.1f offered_per_s=%.1f staleness_p50_s=%s%.2f "
                            + "staleness_max_s=%s%.2f readings=%d unstored=%d kept_up=%s follower=%s poll_s=%s security=2 "
                            + "tangle=memory(in-process) store=memory process_cores=%.2f machine_busy=%.2f failures=%d",
                    head, p95Censored ? ">" : "", p95, readingsPerSecond, offeredPerSecond, p50Censored ? ">" : "", p50, unstored > 0 ? ">" : "", max, readings,
                    unstored, keptUp(), strategy, seconds(poll), processCores, machineBusy, failures);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static Result run(SimulatedHouseholds pool, int n, Duration poll, long measureNanos, boolean baseline) throws Exception {
        List<SimulatedHouseholds.House> houses = pool.houses.subList(0, n);
        // The same devices' phases and followers' starts for both strategies at one N.
        Random random = new Random(1_000_003L * n);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long windowStart = t0 + WARMUP_NANOS, windowEnd = windowStart + measureNanos, end = windowEnd + DRAIN_NANOS;
        Map<String, Long> release = new ConcurrentHashMap<>(n * pool.messages * 2);
        Map<String, Long> releaseByRoot = new ConcurrentHashMap<>(n * pool.messages * 2);
        long[] starts = new long[n];
        for (int h = 0; h < n; h++) {
            SimulatedHouseholds.House house = houses.get(h);
            long phase = (long) (random.nextDouble() * PUBLISH_EVERY_NANOS);
            for (int k = 0; k < pool.messages; k++) {
                long at = t0 + phase + k * PUBLISH_EVERY_NANOS;
                release.put(house.addresses()[k], at);
                releaseByRoot.put(house.messageRoots()[k], at);
            }
            starts[h] = t0 + (long) (random.nextDouble() * poll.toNanos());
        }
        pool.gate.open(release);

        ThreadPoolExecutor worker = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("bench-worker-"));
        worker.allowCoreThreadTimeOut(true);
        worker.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy()); // only once shut down: the queue is unbounded
        // As in Quarkus: Mutiny's timers (the poll delay, retry backoff) hand their work to the worker pool.
        Infrastructure.setDefaultExecutor(worker);

        Map<String, Long> storedAt = new ConcurrentHashMap<>(n * pool.messages * 2);
        Map<String, ConcurrentLinkedQueue<JsonNode>> store = new ConcurrentHashMap<>();
        AtomicInteger inWindow = new AtomicInteger();
        ReadingSink sink = (device, messageRoot, data) -> {
            long now = System.nanoTime();
            if (now < end && storedAt.putIfAbsent(messageRoot, now) == null) {
                store.computeIfAbsent(device, d -> new ConcurrentLinkedQueue<>()).addAll(data.readings());
                if (now >= windowStart && now < windowEnd) inWindow.addAndGet(data.readings().size());
            }
            return Uni.createFrom().voidItem();
        };
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        FollowerStatus status = new FollowerStatus(Clock.systemUTC(), metrics);
        TangleMessageTransport source = SimulatedHouseholds.transport(pool.gate);
        ProviderFollowers.Strategy strategy = baseline ? new ProviderFollowers.Refetch(source, status, worker, poll, sink)
                : new ProviderFollowers.Follow(source, status, worker, poll, sink);

        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(daemon("bench-start-"));
        ConcurrentLinkedQueue<Cancellable> running = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        for (int h = 0; h < n; h++) {
            SimulatedHouseholds.House house = houses.get(h);
            starter.schedule(() -> running.add(strategy.follow(house).subscribe().with(o -> {}, f -> failures.incrementAndGet())),
                    starts[h] - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        sleepUntil(windowStart);
        Cpu before = Cpu.now();
        sleepUntil(windowEnd);
        Cpu after = Cpu.now();
        sleepUntil(end);
        starter.shutdownNow();
        running.forEach(Cancellable::cancel);
        Infrastructure.getDefaultWorkerPool().shutdownNow(); // the run's Mutiny timers, before the pool they hand work to
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
        Infrastructure.setDefaultExecutor();

        // A reading not stored by the end counts as (end - publish): at least the drain, so past the target either way, but
        // only a lower bound of its staleness; a percentile at or above the smallest such value is then a lower bound too.
        List<Double> staleness = new ArrayList<>();
        double minCensored = Double.POSITIVE_INFINITY;
        int unstored = 0;
        for (Map.Entry<String, Long> e : releaseByRoot.entrySet()) {
            long at = e.getValue();
            if (at < windowStart || at >= windowEnd) continue;
            Long stored = storedAt.get(e.getKey());
            double s = ((stored != null ? stored : end) - at) / 1e9;
            if (stored == null) {
                unstored++;
                minCensored = Math.min(minCensored, s);
            }
            staleness.add(s);
        }
        staleness.sort(null);
        double p50 = staleness.get(rank(staleness.size(), 50)), p95 = staleness.get(rank(staleness.size(), 95));
        double seconds = measureNanos / 1e9;
        return new Result(baseline ? BASELINE : OURS, n, p50, p95, staleness.get(staleness.size() - 1), p50 >= minCensored,
                p95 >= minCensored,
                staleness.size(), unstored, inWindow.get() / seconds,
                n * 1e9 / PUBLISH_EVERY_NANOS, (after.process - before.process) / (double) (after.wall - before.wall),
                after.busySince(before),
                failures.get() + (long) metrics.counter("provider.follower.failures").count());
    }

    private static int rank(int size, int percentile) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(percentile / 100.0 * size) - 1));
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** The process's CPU time and the machine's busy and total jiffies (/proc/stat), with the wall clock. */
    private record Cpu(long wall, long process, long machineBusy, long machineTotal) {

        static Cpu now() {
            long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long busy = 0, total = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) busy += v; // idle and iowait
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: machine_busy is then printed as NaN
            }
            return new Cpu(System.nanoTime(), process, busy, total);
        }

        /** Share of all cores busy (any process) since {@code before}. */
        double busySince(Cpu before) {
            long total = machineTotal - before.machineTotal;
            return total == 0 ? Double.NaN : (machineBusy - before.machineBusy) / (double) total;
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long left; (left = nanos - System.nanoTime()) > 0; ) TimeUnit.NANOSECONDS.sleep(Math.min(left, 1_000_000_000L));
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
