package org.iotahome.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.iotahome.node.store.TransactionStore;
import org.iotahome.protocol.tangle.Attacher;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Transaction;
import org.iotahome.protocol.tangle.TransactionCheck.Accepted;
import org.iotahome.protocol.trinary.Trytes;

/**
 * {@code ./iotahome bench node}: the packaged tangle-node over HTTP. attachToTangle bundles per
 * second at MWM 9 and 14 (one-transaction message bundles, the node's PoW on all cores), and
 * findTransactions latency by address with 10^6 transactions stored. The million are written
 * straight into the store (well-formed message transactions, ~10 per address; their keys are
 * random 81-tryte hashes instead of Curl hashes, which would take an hour to compute here and
 * do not change how an index lookup performs).
 */
public final class NodeBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int addresses = Math.max(1, count / 10);
        Path data = Files.createTempDirectory("node-bench");
        try {
            long t0 = System.nanoTime();
            load(data, count, addresses);
            double loadS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("node load transactions=%d seconds=%.1f tx_per_s=%.0f%n", count, loadS, count / loadS);
            try (NodeProcess node = NodeProcess.start(data, 9)) {
                String url = node.url();
                HttpClient http = HttpClient.newHttpClient();
                for (int mwm : new int[] {9, 14}) attach(http, url, mwm, mwm == 9 ? 15 : 30);
                find(http, url, addresses, 2000);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static void load(Path data, int count, int addresses) {
        SplittableRandom random = new SplittableRandom(42);
        String[] pool = new String[addresses];
        for (int i = 0; i < addresses; i++) pool[i] = randomTrytes(random, 81);
        String fragment = Trytes.padRight(org.iotahome.protocol.trinary.AsciiTrytes.toTrytes(
                "{\"v\":1,\"type\":\"MAM_DATA\",\"mamData\":{\"root\":\"" + "R".repeat(81) + "\"}}"), Transaction.FRAGMENT_TRYTES);
        String nines81 = "9".repeat(81);
        List<String> recent = new ArrayList<>();
        try (TransactionStore store = TransactionStore.open(data, 1024)) {
            List<Accepted> batch = new ArrayList<>(200_000);
            for (int i = 0; i < count; i++) {
                String trunk = recent.isEmpty() ? nines81 : recent.get(random.nextInt(recent.size()));
                Transaction tx = new Transaction(fragment, pool[random.nextInt(addresses)], 0, "IOTAHOME" + "9".repeat(19),
                        1_700_000_000L + i, 0, 0, randomTrytes(random, 81), trunk, trunk, "IOTAHOME" + "9".repeat(19),
                        1_700_000_000_000L + i, 0, Transaction.MAX_TIMESTAMP_VALUE, randomTrytes(random, 27));
                String hash = randomTrytes(random, 81);
                batch.add(new Accepted(tx, hash, tx.toTrytes()));
                if (recent.size() < 64) recent.add(hash); else recent.set(random.nextInt(64), hash);
                if (batch.size() == 200_000) { // one commit per 200k: each commit rewrites every page it touched
                    store.store(batch);
                    batch.clear();
                }
            }
            store.store(batch);
        }
    }

    private static void attach(HttpClient http, String url, int mwm, double seconds) throws Exception {
        int n = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            List<Transaction> bundle = MessageBundle.build(randomTrytes(new SplittableRandom(n * 31L + mwm), 81), "BENCH",
                    "{\"n\":" + n + "}", System.currentTimeMillis() / 1000);
            String trytes = String.join("\",\"", Attacher.lastFirst(bundle));
            post(http, url, "{\"command\":\"attachToTangle\",\"trunkTransaction\":\"" + "9".repeat(81)
                    + "\",\"branchTransaction\":\"" + "9".repeat(81) + "\",\"minWeightMagnitude\":" + mwm
                    + ",\"trytes\":[\"" + trytes + "\"]}");
            n++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        System.out.printf("node attach mwm=%d bundles_per_s=%.2f bundles=%d err=±%.0f%%%n", mwm, n / elapsed, n, 100 / Math.sqrt(n));
    }

    private static void find(HttpClient http, String url, int addresses, int queries) throws Exception {
        SplittableRandom pool = new SplittableRandom(42);
        String[] addr = new String[addresses];
        for (int i = 0; i < addresses; i++) addr[i] = randomTrytes(pool, 81);
        SplittableRandom pick = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) findOnce(http, url, addr[pick.nextInt(addresses)]); // warm-up
        double[] ms = new double[queries];
        int hits = 0;
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            hits += findOnce(http, url, addr[pick.nextInt(addresses)]);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("node find p50_ms=%.2f%nnode find p99_ms=%.2f%nnode find queries=%d mean_hits=%.1f%n",
                ms[queries / 2], ms[queries * 99 / 100], queries, hits / (double) queries);
    }

    private static int findOnce(HttpClient http, String url, String address) throws Exception {
        String body = post(http, url, "{\"command\":\"findTransactions\",\"addresses\":[\"" + address + "\"]}");
        int n = 0;
        for (int i = body.indexOf('['); i >= 0 && (i = body.indexOf('"', i + 1)) >= 0 && body.charAt(i + 1) != ']'; i += 82) n++;
        return n;
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-IOTA-API-Version", "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("node answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static String randomTrytes(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = Trytes.ALPHABET.charAt(r.nextInt(27));
        return new String(c);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
