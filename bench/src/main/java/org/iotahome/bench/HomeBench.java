package org.iotahome.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Household;
import org.iotahome.home.household.HouseholdFold;
import org.iotahome.home.household.MemoryProjectionStore;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.protocol.trinary.RandomTrytes;

/**
 * {@code ./iotahome bench home}: what My Home's devices page costs to fold with 1,000 consent events
 * on one device (grants, revocations and their key rotations, each provider with a 5,500-tryte
 * sntrup1277 key), read from the packaged tangle-node over HTTP on loopback (MWM 1, so writing the
 * events takes seconds), then from a Tangle in memory (the fold's own cost, without the node).
 * Cold: the first view with an empty projection cache; warm: later views, reading only each
 * channel's head; baseline: every view reading every channel from its first root, as My Home did
 * before the cache. Same household, same warm-up for both.
 */
public final class HomeBench {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path data = Files.createTempDirectory("home-bench-node");
        try (NodeProcess node = NodeProcess.start(data, 1)) {
            run("node", events, IriTangle.remotePow(IriClient.of(node.url()), 1, 3), System::currentTimeMillis);
        }
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        run("memory", events, new InMemoryTangle(clock::incrementAndGet), clock::incrementAndGet);
    }

    private static void run(String where, int events, Tangle tangle, LongSupplier clock) throws Exception {
        TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME9BENCH", clock, Duration.ofMinutes(1));
        SecureRandom random = new SecureRandom();
        HomeIdentity identity = HomeIdentity.of(RandomTrytes.of(random, 81), new SideKey(RandomTrytes.of(random, 81)));
        Path dir = Files.createTempDirectory("home-bench");
        Channels channels = new Channels(dir, identity, transport, new EventLog(transport));
        Household household = new Household(channels, new HouseholdFold(new EventLog(transport)), new EventLog(transport), clock, random);
        Address meter = MailboxAddress.of(RandomTrytes.of(random, 81));
        household.added(new Device(meter, "P1"), channels.nextConsent(meter),
                ConsentWrapKey.derive(new DeviceSecret(RandomTrytes.of(random, 27)), meter));
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, random);
        int written = 1; // DEVICE_ADDED
        for (int i = 0; written < events; i++) {
            Policy p = new Policy(new ServiceProvider(URI.create("https://p" + i + ".example/back"), new Address(RandomTrytes.of(random, 81)),
                    keys.publicKey()), "read", new Device(meter, "P1"), "energy advice " + i, List.of());
            household.grant(p);
            written++;
            // Three providers stay authorized; every other grant is revoked again (a KEY_ROTATION follows each revocation).
            if (written + 2 <= events && i >= 3) {
                household.revoke(p);
                written += 2;
            }
        }
        ChannelKey householdKey = channels.householdKey();
        System.err.printf("home: %d consent events written (%s)%n", written, where);

        // Cold: a fresh cache each time. Warm: one cache, views after the first. Baseline: no cache.
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < 5; i++) cold.add(timeMs(() -> new HouseholdFold(new EventLog(transport), new MemoryProjectionStore()).fold(householdKey)));
        HouseholdFold cached = new HouseholdFold(new EventLog(transport), new MemoryProjectionStore());
        cached.fold(householdKey);
        for (int i = 0; i < 50; i++) cached.fold(householdKey); // warm-up
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 5; i++) baseline.add(timeMs(() -> new HouseholdFold(new EventLog(transport), new MemoryProjectionStore()).fold(householdKey)));
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 500; i++) warm.add(timeMs(() -> cached.fold(householdKey)));
        System.out.printf(Locale.ROOT, "home page tangle=%s events=%d cold_p95_ms=%.1f warm_p50_ms=%.2f warm_p95_ms=%.2f%n", where, written, pct(cold, 95),
                pct(warm, 50), pct(warm, 95));
        System.out.printf(Locale.ROOT, "home page tangle=%s baseline_no_cache p50_ms=%.1f p95_ms=%.1f%n", where, pct(baseline, 50), pct(baseline, 95));
    }

    @FunctionalInterface
    private interface View {
        void run() throws Exception;
    }

    private static double timeMs(View view) throws Exception {
        long t = System.nanoTime();
        view.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double pct(List<Double> samples, int p) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
