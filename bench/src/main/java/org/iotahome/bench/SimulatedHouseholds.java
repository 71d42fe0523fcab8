package org.iotahome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;
import org.iotahome.protocol.tangle.BundleHash;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The devices of {@link ProviderBench}: one device channel per household as the device opens it
 * (restricted MAM, security 2, one leaf per tree), each with the DATA events of one run made and
 * attached to one {@link InMemoryTangle} beforehand, and the gate that keeps each message's
 * address empty until its publish time in the run. Made once; a run uses the first N.
 */
final class SimulatedHouseholds {

    private static final String DEVICE_TAG = Trytes.padRight("IOTAHOME9DEVICE", Transaction.TAG_TRYTES);
    private static final String NINES_81 = "9".repeat(81);
    private static final String NINES_27 = "9".repeat(27);

    /**
     * One household's device channel: its first root and key, and each message's root and address, in order; and the
     * head of its consent channel, where nothing new is published during a run.
     */
    record House(String root, SideKey key, String[] messageRoots, String[] addresses, String consentRoot) {}

    final int messages;
    private final InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
    final GatedTangle gate = new GatedTangle(tangle);
    final List<House> houses = new ArrayList<>();
    private final List<String> events;
    private final SecureRandom random = new SecureRandom();
    private double msPerHousehold = 15;  // a guess until the first households are made

    SimulatedHouseholds(int messages) {
        this.messages = messages;
        this.events = dataEvents(600);
    }

    double msPerHousehold() {
        return msPerHousehold;
    }

    /** Seconds to make the households up to {@code n}, at the rate seen so far, on every core. */
    double secondsToReach(int n) {
        return Math.max(0, n - houses.size()) * msPerHousehold / 1000 / Runtime.getRuntime().availableProcessors();
    }

    void reach(int n) throws Exception {
        int from = houses.size();
        if (n <= from) return;
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService makers = Executors.newFixedThreadPool(cores, ProviderBench.daemon("bench-device-"));
        AtomicLong cpuNanos = new AtomicLong();
        try {
            List<Future<House>> made = new ArrayList<>();
            for (int h = from; h < n; h++) {
                int index = h;
                made.add(makers.submit(() -> {
                    long t = System.nanoTime();
                    House house = make(index);
                    cpuNanos.addAndGet(System.nanoTime() - t);
                    return house;
                }));
            }
            for (Future<House> f : made) houses.add(f.get());
        } finally {
            makers.shutdownNow();
        }
        msPerHousehold = cpuNanos.get() / 1e6 / (n - from);
    }

    /** A device channel as the device opens it (restricted, security 2), with its messages attached. */
    private House make(int index) {
        SideKey key = new SideKey(RandomTrytes.of(random, 81));
        MamChannel channel = MamChannel.open(RandomTrytes.of(random, 81), MamMode.RESTRICTED, key, 2);
        String first = channel.root();
        String[] roots = new String[messages];
        String[] addresses = new String[messages];
        for (int k = 0; k < messages; k++) {
            MamChannel.Created created = channel.create(AsciiTrytes.toTrytes(events.get((index * 7 + k) % events.size())));
            roots[k] = created.message().root();
            addresses[k] = created.message().address();
            attach(created.message().address(), created.message().payload());
            channel = created.next();
        }
        return new House(first, key, roots, addresses, RandomTrytes.of(random, 81));
    }

    /** The bundle TangleMessageTransport.send makes (its hash taken once, not normalized), attached. */
    private void attach(String address, String payload) {
        List<Transaction> txs = new ArrayList<>();
        int last = (payload.length() - 1) / Transaction.FRAGMENT_TRYTES;
        long seconds = System.currentTimeMillis() / 1000;
        for (int i = 0; i <= last; i++) {
            String fragment = payload.substring(i * Transaction.FRAGMENT_TRYTES,
                    Math.min(payload.length(), (i + 1) * Transaction.FRAGMENT_TRYTES));
            txs.add(new Transaction(Trytes.padRight(fragment, Transaction.FRAGMENT_TRYTES), address, 0, DEVICE_TAG, seconds, i, last,
                    NINES_81, NINES_81, NINES_81, DEVICE_TAG, 0, 0, 0, NINES_27));
        }
        String hash = BundleHash.of(txs);
        tangle.attach(txs.stream().map(t -> t.withBundle(hash)).toList()).await().indefinitely();
    }

    /** The same reads and decodes for both strategies before any run: every message of the first households once. */
    void warmUp(int n) throws IOException {
        gate.open(Map.of());
        TangleMessageTransport source = transport(gate);
        for (House h : houses.subList(0, Math.min(n, houses.size())))
            for (ReadResult.ReadMessage m : new ChannelReader(source).read(h.root(), MamMode.RESTRICTED, h.key()).messages())
                EventCodec.read(AsciiTrytes.fromTrytes(m.message()));
    }
    /** DATA events as the device sends them in sample mode: one DSMR 5.0 reading and its telegram, without obis. */
    private static List<String> dataEvents(int n) {
        TelegramParser parser = new TelegramParser();
        List<String> out = new ArrayList<>(n);
        List<Telegram> telegrams = DeviceBench.telegrams(n);
        for (int i = 0; i < telegrams.size(); i++) {
            if (!(parser.parse(telegrams.get(i)) instanceof Reading r)) throw new IllegalStateException("simulated telegram refused");
            ObjectNode node = ReadingJson.mapper().valueToTree(r);
            node.remove("obis");
            out.add(EventCodec.write(new Data(1_764_000_000_000L + 10_000L * i, telegrams.get(i).text(), List.<JsonNode>of(node))));
        }
        return out;
    }

    /**
     * The Tangle the provider reads: the devices' InMemoryTangle, except that a message's address
     * stays empty until its publish time in this run.
     */
    static final class GatedTangle implements Tangle {

        private final InMemoryTangle tangle;
        private volatile Map<String, Long> releaseNanos = Map.of();

        GatedTangle(InMemoryTangle tangle) {
            this.tangle = tangle;
        }

        void open(Map<String, Long> releaseNanos) {
            this.releaseNanos = releaseNanos;
        }

        @Override
        public Uni<List<Transaction>> attach(List<Transaction> bundle) {
            return tangle.attach(bundle);
        }

        @Override
        public Uni<List<List<Transaction>>> bundlesSince(String address, TangleCursor cursor) {
            Long release = releaseNanos.get(address);
            if (release != null && System.nanoTime() < release) return Uni.createFrom().item(List.of());
            return tangle.bundlesSince(address, cursor);
        }

        @Override
        public Uni<List<String>> trytes(List<String> hashes) {
            return tangle.trytes(hashes);
        }
    }

    static TangleMessageTransport transport(Tangle tangle) {
        // As ReadingsBeans makes the provider's source: its tag and 30 s reads (no weight checked on MAM reads).
        return new TangleMessageTransport(tangle, "IOTAHOME9PROVIDER", System::currentTimeMillis, Duration.ofSeconds(30));
    }
}
