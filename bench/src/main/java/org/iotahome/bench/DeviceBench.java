package org.iotahome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.DataReadings;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.p1.Crc16;
import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.MeterVersion;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramFramer;
import org.iotahome.protocol.p1.TelegramParser;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * {@code ./iotahome bench device [SECONDS]}: transactions per reading of the device's DATA events
 * (PROTOCOL.md §7) at one DSMR 5.0 telegram a second, in batch mode (30 s batches) and sample mode
 * (1 in 10, each alone), for three forms in one run after the same warm-up: the baseline from before
 * issue 18 ({@code readings} with {@code obis}, MAM security 2), the first step
 * ({@code readingsGz} at the default deflate level, security 2) and today's device ({@code readingsGz}
 * at level 9, security 1). Each event goes through the real MAM encoder (restricted) and bundle
 * building onto an in-memory Tangle, whose transactions are counted. Then the one-core plain Java
 * engine (64-bit long lanes) is timed for {@code SECONDS} (20 by default), and whether it keeps up at
 * MWM 14: expected seconds of proof of work per event = transactions * 3^14 / hash rate, against the
 * time the readings of that event take to arrive; and the batch interval the device's adaptive batching
 * settles at on that engine (whole 30 s intervals, at most 300 s).
 *
 * <p>{@code ./iotahome bench device live [SECONDS] [BATCH_SECONDS] [ENGINE]}: the packaged device instead,
 * see {@link DeviceLiveBench}.
 *
 * <p>The new form is built as device/…/publish/DataEvents builds it (reading JSON without
 * {@code obis}, EventCodec picks the shorter form); the bench does not depend on the Quarkus
 * device module, so that step is repeated here.
 */
public final class DeviceBench {

    private static final int BATCH_SECONDS = 30;
    private static final int KEEP_ONE_IN = 10;
    private static final int TELEGRAMS = 600;        // ten minutes at one a second
    private static final int MAX_EVENT_CHARS = 64 * 1024;   // PublishPipeline.MAX_EVENT_CHARS
    private static final String SEED = "DEVICEBENCH".repeat(7) + "DEVI";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("live")) {
            DeviceLiveBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        double powSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        List<Telegram> telegrams = telegrams(TELEGRAMS);
        TelegramParser parser = new TelegramParser();
        List<Telegram> ok = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        for (Telegram t : telegrams) {
            if (parser.parse(t) instanceof Reading r) {
                ok.add(t);
                readings.add(r);
            }
        }
        if (readings.size() != TELEGRAMS) throw new IllegalStateException("the parser refused "
                + (TELEGRAMS - readings.size()) + " simulated telegrams");

        List<List<Integer>> batches = groups(BATCH_SECONDS, 1);
        List<List<Integer>> samples = groups(1, KEEP_ONE_IN);
        // Warm-up: every form once, so none pays the JIT alone.
        for (Form f : Form.values()) publish(ok, readings, batches, f);

        double hps = plainJavaOneCoreHashRate(powSeconds);
        System.out.printf(Locale.ROOT, "device pow engine=scalar64x1 hps=%.0f (mwm 9, %.0f s)%n", hps, powSeconds);
        for (Form f : Form.values()) print("batch_" + BATCH_SECONDS + "s", f, publish(ok, readings, batches, f), BATCH_SECONDS, hps);
        for (Form f : List.of(Form.BASELINE, Form.NOW))
            print("sample_1in" + KEEP_ONE_IN, f, publish(ok, readings, samples, f), KEEP_ONE_IN, hps);
        // A slower engine keeps up by batching more (PublishPolicy: a batch stays open while the one before is
        // still being attached, for whole intervals, up to 5 minutes): where today's form settles on this engine.
        int settled = 0;
        for (int seconds = BATCH_SECONDS; seconds <= 300; seconds += BATCH_SECONDS) {
            Result r = publish(ok, readings, groups(seconds, 1), Form.NOW);
            if (seconds > BATCH_SECONDS) print("batch_" + seconds + "s", Form.NOW, r, seconds, hps);
            if (settled == 0 && (double) r.transactions / r.events * Math.pow(3, 14) / hps < seconds) settled = seconds;
        }
        System.out.printf(Locale.ROOT, "device adaptive_batch engine=scalar64x1 mwm=14 interval_s=%d keeps_up_one_telegram_a_second=%s%n",
                settled, settled > 0);
    }

    /**
     * What a DATA event looked like: before issue 18 (every reading with its obis map, plain, MAM
     * security 2), the first step (readingsGz at the default deflate level, no obis, security 2),
     * and today's device (readingsGz at level 9, security 1: PUBLISH_SECURITY's default).
     */
    private enum Form {
        BASELINE("baseline(readings+obis,security2)", 2),
        GZ6_SECURITY2("issue18_first(readingsGz level6,no obis,security2)", 2),
        NOW("now(readingsGz level9,no obis,security1)", 1);

        final String label;
        final int security;

        Form(String label, int security) {
            this.label = label;
            this.security = security;
        }
    }

    /** One line: transactions per reading, and whether one core of plain Java keeps up at MWM 14 (3^14 hashes a transaction). */
    private static void print(String mode, Form form, Result r, double arrivalSeconds, double hps) {
        double powPerEvent = (double) r.transactions / r.events * Math.pow(3, 14) / hps;
        System.out.printf(Locale.ROOT,
                "device %s %s tx_per_reading=%.3f transactions=%d readings=%d events=%d tx_per_event=%.2f chars_per_event=%.0f "
                        + "max_event_chars=%d pow_s_per_event_mwm14=%.1f interval_s=%.0f keeps_up_mwm14_one_core=%s%n",
                mode, form.label, (double) r.transactions / r.readings, r.transactions, r.readings, r.events,
                (double) r.transactions / r.events, (double) r.chars / r.events, r.maxChars, powPerEvent, arrivalSeconds,
                powPerEvent < arrivalSeconds);
    }

    private record Result(long transactions, long readings, long events, long chars, int maxChars) {}

    /** Index groups: {@code size} consecutive readings out of every {@code every}. */
    private static List<List<Integer>> groups(int size, int every) {
        List<List<Integer>> out = new ArrayList<>();
        for (int from = 0; from < TELEGRAMS; from += Math.max(size, every)) {
            List<Integer> g = new ArrayList<>();
            for (int i = from; i < Math.min(TELEGRAMS, from + size); i++) g.add(i);
            out.add(g);
        }
        return out;
    }

    private record Group(Telegram newest, List<Reading> readings, long timestamp) {}

    private static Result publish(List<Telegram> telegrams, List<Reading> readings, List<List<Integer>> groups, Form form)
            throws IOException {
        Path dir = Files.createTempDirectory("iotahome-bench-device");
        try {
            InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
            // MWM 0: the proof of work is priced separately below, from the measured hash rate.
            TangleMessageTransport node = new TangleMessageTransport(tangle, "IOTAHOME9BENCH", System::currentTimeMillis,
                    Duration.ofSeconds(60));
            ChannelPublisher channel = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), node,
                    () -> MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("BENCHSIDEKEY"), form.security));
            long n = 0, events = 0, chars = 0;
            int max = 0;
            for (List<Integer> g : groups) {
                List<Reading> rs = g.stream().map(readings::get).toList();
                Group group = new Group(telegrams.get(g.get(g.size() - 1)), rs, 1_764_000_000_000L + 1000L * g.get(0));
                String json = switch (form) {
                    case BASELINE -> oldForm(group);
                    case GZ6_SECURITY2 -> defaultLevelForm(group);
                    case NOW -> newForm(group);
                };
                if (json.length() > MAX_EVENT_CHARS)
                    throw new IllegalStateException("a " + rs.size() + "-reading event is over the device's limit: " + json.length());
                channel.publish(AsciiTrytes.toTrytes(json));
                n += rs.size();
                events++;
                chars += json.length();
                max = Math.max(max, json.length());
            }
            return new Result(tangle.size(), n, events, chars, max);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Before issue 18: every reading with its obis map, always as a plain {@code readings} array. */
    private static String oldForm(Group g) {
        ObjectNode n = WireJson.object();
        n.put("v", WireJson.VERSION);
        n.put("type", Data.TYPE);
        n.put("timestamp", g.timestamp());
        n.put("raw", g.newest().text());
        ArrayNode a = n.putArray("readings");
        for (Reading r : g.readings()) a.add(ReadingJson.mapper().<JsonNode>valueToTree(r));
        return WireJson.write(n);
    }

    /** As DataEvents: readings without obis, the codec picks readings or readingsGz, whichever is shorter. */
    private static String newForm(Group g) {
        return EventCodec.write(new Data(g.timestamp(), raw(g.newest()), withoutObis(g)));
    }

    /** As DataEvents: the telegram as the meter sent it, through its CRC line. */
    private static String raw(Telegram t) {
        return t.withCrcLine();
    }

    private static List<JsonNode> withoutObis(Group g) {
        return g.readings().stream().<JsonNode>map(r -> {
            ObjectNode node = ReadingJson.mapper().valueToTree(r);
            node.remove("obis");
            return node;
        }).toList();
    }

    /** The first step: as {@link #newForm} but gzip at the JDK's default level, as the codec did then. */
    private static String defaultLevelForm(Group g) {
        String plain = DataReadings.plainJson(withoutObis(g));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String gz = Base64.getEncoder().encodeToString(bytes.toByteArray());
        if (gz.length() + 2 >= plain.length()) return newForm(g);
        ObjectNode n = WireJson.object();
        n.put("v", WireJson.VERSION);
        n.put("type", Data.TYPE);
        n.put("timestamp", g.timestamp());
        n.put("raw", raw(g.newest()));
        n.put("readingsGz", gz);
        return WireJson.write(n);
    }

    /** Hashes a second of the portable engine on one thread, from searches at MWM 9 (3^9 hashes each, on average). */
    private static double plainJavaOneCoreHashRate(double seconds) {
        ProofOfWork pow = ProofOfWork.portable(1);
        Random random = new Random(14);
        for (int i = 0; i < 10; i++) pow.attach(randomTransaction(random), 9);   // warm-up
        long start = System.nanoTime();
        int n = 0;
        double elapsed;
        do {
            pow.attach(randomTransaction(random), 9);
            n++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds || n < 30);
        return n * Math.pow(3, 9) / elapsed;
    }

    private static String randomTransaction(Random r) {
        StringBuilder sb = new StringBuilder(2673);
        for (int i = 0; i < 2673; i++) sb.append(Trytes.ALPHABET.charAt(r.nextInt(27)));
        return sb.toString();
    }

    /**
     * DSMR 5.0 telegrams one second apart, as a home's meter sends them, framed by the device's own
     * framer (so each carries its real CRC line and passes the CRC check): the clock; tariff 1 creeping
     * up by what the house draws; each phase's load wandering by a few watts a second, with an appliance
     * switched on or off now and then; voltages wandering a few tenths of a volt about 230 V; currents
     * in whole amperes as DSMR 5 sends them; the gas reading every five minutes.
     */
    static List<Telegram> telegrams(int n) {
        Random random = new Random(5);
        LocalDateTime t = LocalDateTime.of(2026, 12, 4, 3, 0, 0);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("yyMMddHHmmss");
        double t1 = 4123.456, t2 = 3987.012, gas = 2785.123;
        double[] base = {0.35, 0.18, 0.12}, p = base.clone(), v = {230.4, 229.8, 231.1};
        TelegramFramer framer = TelegramFramer.forMeter(MeterVersion.V5_0);
        List<Telegram> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (int ph = 0; ph < 3; ph++) {
                if (random.nextInt(240) == 0) base[ph] = Math.max(0.05, base[ph] + (random.nextBoolean() ? 1 : -1) * random.nextDouble() * 1.5);
                p[ph] = Math.max(0, p[ph] + 0.2 * (base[ph] - p[ph]) + random.nextGaussian() * 0.004);
                v[ph] += 0.1 * (230.5 - v[ph]) + random.nextGaussian() * 0.25;
            }
            double kw = p[0] + p[1] + p[2];
            t1 += kw / 3600;
            if (i % 300 == 0) gas += random.nextDouble() * 0.05;
            LocalDateTime gasTime = t.minusSeconds(i % 300);
            String body = String.join("\r\n",
                    "/ISk5\\2MT382-1000", "",
                    "1-3:0.2.8(50)",
                    "0-0:1.0.0(" + t.format(clock) + "W)",
                    "0-0:96.1.1(4B384547303034303436333935353037)",
                    f("1-0:1.8.1(%010.3f*kWh)", t1), f("1-0:1.8.2(%010.3f*kWh)", t2),
                    "1-0:2.8.1(000000.000*kWh)", "1-0:2.8.2(000000.000*kWh)",
                    "0-0:96.14.0(0001)",
                    f("1-0:1.7.0(%06.3f*kW)", kw), "1-0:2.7.0(00.000*kW)",
                    "0-0:96.7.21(00004)", "0-0:96.7.9(00002)",
                    "1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)",
                    "1-0:32.32.0(00002)", "1-0:52.32.0(00001)", "1-0:72.32.0(00000)",
                    "1-0:32.36.0(00000)", "1-0:52.36.0(00003)", "1-0:72.36.0(00000)",
                    "0-0:96.13.0()",
                    f("1-0:32.7.0(%05.1f*V)", v[0]), f("1-0:52.7.0(%05.1f*V)", v[1]), f("1-0:72.7.0(%05.1f*V)", v[2]),
                    f("1-0:31.7.0(%03d*A)", Math.round(p[0] * 1000 / v[0])), f("1-0:51.7.0(%03d*A)", Math.round(p[1] * 1000 / v[1])),
                    f("1-0:71.7.0(%03d*A)", Math.round(p[2] * 1000 / v[2])),
                    f("1-0:21.7.0(%06.3f*kW)", p[0]), f("1-0:41.7.0(%06.3f*kW)", p[1]), f("1-0:61.7.0(%06.3f*kW)", p[2]),
                    "1-0:22.7.0(00.000*kW)", "1-0:42.7.0(00.000*kW)", "1-0:62.7.0(00.000*kW)",
                    "0-1:24.1.0(003)", "0-1:96.1.0(3232323241424344313233343536373839)",
                    "0-1:24.2.1(" + gasTime.withSecond(0).withMinute(gasTime.getMinute() / 5 * 5).format(clock) + "W)"
                            + f("(%09.3f*m3)", gas),
                    "!");
            byte[] upToBang = body.getBytes(StandardCharsets.US_ASCII);
            String line = body + Crc16.hex(Crc16.of(upToBang)) + "\r\n";
            for (Framed framed : framer.feed(line.getBytes(StandardCharsets.US_ASCII))) {
                if (!(framed instanceof Telegram telegram) || !telegram.crcChecked())
                    throw new IllegalStateException("the simulated meter sent a telegram the framer refused: " + framed);
                out.add(telegram);
            }
            t = t.plusSeconds(1);
        }
        return out;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
