package org.iotahome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;

/**
 * {@code ./iotahome bench device live [SECONDS] [BATCH_SECONDS] [ENGINE]}: the packaged device
 * (small JVM, as {@code ./iotahome device} starts it: {@code DEVICE_JVM_OPTS}) on a socat pty, fed one DSMR 5.0 telegram a second for SECONDS (300), batch mode every
 * BATCH_SECONDS (10), publishing to a local node at MWM 14. A reader with the device's root and
 * side key polls the node every second; a reading's latency is from the telegram leaving the
 * meter to the reader finding it on the node. Twice: the node's fastest proof of work on every
 * core, then the plain Java engine on one core (the nearest thing here to a Pi doing its own).
 * Prints {@code device engine=… published=P received=R p50_s=… p95_s=… rss_mb=…}: telegrams
 * sent, readings read back (within 3 minutes of the last telegram), and the device's largest
 * resident memory. A third argument, {@code all-cores} or {@code one-core-plain-java}, runs one.
 */
public final class DeviceLiveBench {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Pattern ENGINE = Pattern.compile("proof of work: (\\S+),");
    private static final String NODE_JAR = "tangle-node/target/quarkus-app/quarkus-run.jar";
    private static final String DEVICE_JAR = "device/target/quarkus-app/quarkus-run.jar";
    private static final int MWM = 14;
    /** How long readings may still arrive after the last telegram before the run is cut off. */
    private static final Duration DRAIN = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        for (Path jar : List.of(Path.of(NODE_JAR), Path.of(DEVICE_JAR)))
            if (!Files.exists(jar)) throw new IllegalStateException("build first: " + jar + " is missing");
        String only = args.length > 2 ? args[2] : "";
        List<Telegram> telegrams = DeviceBench.telegrams(seconds);
        if (!only.equals("one-core-plain-java"))
            run("all-cores", List.of("--add-modules", "jdk.incubator.vector"), telegrams, batch);
        if (!only.equals("all-cores"))
            run("one-core-plain-java", List.of("-Diotahome.pow.native=false", "-XX:ActiveProcessorCount=1"), telegrams, batch);
    }

    private static void run(String label, List<String> nodeJvm, List<Telegram> telegrams, int batch) throws Exception {
        Path dir = Files.createTempDirectory("device-bench");
        List<Process> started = new ArrayList<>();
        try {
            List<String> node = new ArrayList<>(List.of("java"));
            node.addAll(nodeJvm);
            node.addAll(List.of("-Dtangle.port=0", "-Dtangle.data-dir=" + dir.resolve("node"),
                    "-Dtangle.min-weight-magnitude=" + MWM, "-jar", NODE_JAR));
            started.add(new ProcessBuilder(node).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start());
            String url = "http://127.0.0.1:" + await(dir.resolve("node.log"), LISTENING) + "/";

            started.add(new ProcessBuilder("socat", "pty,raw,echo=0,link=" + dir.resolve("meter"),
                    "pty,raw,echo=0,link=" + dir.resolve("feed")).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("socat.log").toFile()).start());
            awaitFile(dir.resolve("feed"));

            List<String> device = new ArrayList<>(List.of("java"));
            String opts = System.getenv().getOrDefault("DEVICE_JVM_OPTS", "-Xmx64m");
            for (String o : opts.trim().split("\\s+")) if (!o.isEmpty()) device.add(o);
            device.addAll(List.of("-jar", DEVICE_JAR));
            ProcessBuilder pb = new ProcessBuilder(device).redirectErrorStream(true).redirectOutput(dir.resolve("device.log").toFile());
            pb.environment().putAll(java.util.Map.of("P1_SERIAL_PORT", dir.resolve("meter").toString(),
                    "SMART_METER_VERSION", "5.0", "IOTA_PROVIDER", url, "IOTA_MIN_WEIGHT_MAGNITUDE", String.valueOf(MWM),
                    "IOTAHOME_DATA", dir.resolve("device").toString(), "PUBLISH_MODE", "batch",
                    "DEVICE_PUBLISH_INTERVAL", batch + "s", "DEVICE_HTTP_PORT", "0", "MALLOC_ARENA_MAX", "2"));
            Process dev = pb.start();
            started.add(dev);
            await(dir.resolve("device.log"), Pattern.compile("(Listening on)"));

            SideKey key = new SideKey(Files.readString(dir.resolve("device/side-key")).trim());
            // The first root depends on the security the channel started with (PUBLISH_SECURITY): the device keeps it.
            String firstRoot = Files.readString(dir.resolve("device/channel-first-root")).trim();
            Live live = new Live(telegrams, url, firstRoot, key, dev.pid());
            live.feed(dir.resolve("feed"));
            long cutOff = System.nanoTime() + DRAIN.toNanos();
            while (live.received() < telegrams.size() && System.nanoTime() < cutOff) live.pollFor(Duration.ofSeconds(1));
            // The node makes its proof-of-work engine at the first attach, and logs which.
            String engine = await(dir.resolve("node.log"), ENGINE);
            System.out.printf(Locale.ROOT, "device engine=%s (%s) batch_s=%d mwm=%d published=%d received=%d p50_s=%.1f p95_s=%.1f rss_mb=%.0f%n",
                    engine, label, batch, MWM, telegrams.size(), live.received(), live.quantile(0.50), live.quantile(0.95),
                    live.maxRssKb() / 1024.0);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).destroy();
                started.get(i).waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The first group of {@code pattern} in the log, waiting for it up to two minutes. */
    private static String await(Path log, Pattern pattern) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, java.nio.charset.StandardCharsets.UTF_8));
                if (m.find()) return m.group(1);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + pattern + "' in " + log + " within 2 minutes:\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static void awaitFile(Path file) throws Exception {
        for (int i = 0; i < 100 && !Files.exists(file); i++) Thread.sleep(100);
        if (!Files.exists(file)) throw new IllegalStateException(file + " did not appear (is socat installed?)");
    }

    /** One run's meter, reader and memory samples. */
    private static final class Live {
        private final List<Telegram> telegrams;
        private final java.util.Map<String, Integer> byMeterTime = new java.util.HashMap<>();
        private final long[] sentAt;
        private final List<Double> latencies = new ArrayList<>();
        private final ChannelReader reader;
        private final SideKey key;
        private final long pid;
        private String next;
        private long maxRssKb;

        Live(List<Telegram> telegrams, String url, String root, SideKey key, long pid) {
            this.telegrams = telegrams;
            this.sentAt = new long[telegrams.size()];
            TelegramParser parser = new TelegramParser();
            for (int i = 0; i < telegrams.size(); i++)
                byMeterTime.put(((Reading) parser.parse(telegrams.get(i))).meterTime(), i);
            this.reader = new ChannelReader(new TangleMessageTransport(IriTangle.remotePow(IriClient.of(url), DeviceLiveBench.MWM, 3), "IOTAHOME",
                    System::currentTimeMillis, Duration.ofSeconds(60)));
            this.next = root;
            this.key = key;
            this.pid = pid;
        }

        /** One telegram a second, reading the channel and sampling memory between them. */
        void feed(Path port) throws Exception {
            long start = System.nanoTime();
            try (java.io.OutputStream out = Files.newOutputStream(port)) {
                for (int i = 0; i < telegrams.size(); i++) {
                    long due = start + i * 1_000_000_000L;
                    while (System.nanoTime() < due) pollFor(Duration.ofNanos(Math.min(due - System.nanoTime(), 250_000_000L)));
                    String text = telegrams.get(i).text();
                    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    out.write(body);
                    out.write((org.iotahome.protocol.p1.Crc16.hex(org.iotahome.protocol.p1.Crc16.of(body)) + "\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    sentAt[i] = System.nanoTime();
                }
            }
        }

        /** Reads what is new on the channel (at most once a second) and samples memory, for about {@code d}. */
        private long lastRead;

        void pollFor(Duration d) throws Exception {
            long end = System.nanoTime() + d.toNanos();
            sampleRss();
            if (System.nanoTime() - lastRead >= 1_000_000_000L) {
                lastRead = System.nanoTime();
                ReadResult read = reader.read(next, MamMode.RESTRICTED, key);
                long now = System.nanoTime();
                for (ReadResult.ReadMessage m : read.messages()) {
                    if (!(EventCodec.read(AsciiTrytes.fromTrytes(m.message())) instanceof Data data)) continue;
                    for (JsonNode r : data.readings()) {
                        Integer i = byMeterTime.get(r.path("meterTime").asText());
                        if (i != null && sentAt[i] != 0) latencies.add((now - sentAt[i]) / 1e9);
                    }
                }
                next = read.nextRoot();
            }
            long left = end - System.nanoTime();
            if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }

        private void sampleRss() throws IOException {
            Path status = Path.of("/proc/" + pid + "/status");
            if (!Files.exists(status)) return;
            for (String line : Files.readAllLines(status))
                if (line.startsWith("VmRSS:")) maxRssKb = Math.max(maxRssKb, Long.parseLong(line.replaceAll("\\D", "")));
        }

        int received() {
            return latencies.size();
        }

        double quantile(double q) {
            if (latencies.isEmpty()) return Double.NaN;
            List<Double> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        long maxRssKb() {
            return maxRssKb;
        }
    }
}
