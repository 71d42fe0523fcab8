package org.iotahome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamException;
import org.iotahome.protocol.mam.MamMessage;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;

/**
 * {@code ./iotahome bench mam [N]}: MAM v0 create and parse per second at security 2, restricted,
 * ours against the reference client @iota/mam@0.7.3 run in Node in the same invocation on the same
 * messages (a device-like DATA JSON each). Create publishes the messages in order on one channel,
 * so it includes each next tree's root, as a device pays it. Prints
 * {@code mam create ours=… ref=… ratio=…} and the same for parse.
 */
public final class MamBench {

    private static final Path ORACLES = Path.of("shared-protocol", "src", "test", "oracles");
    private static final String SEED = "BENCH".repeat(16) + "M";
    private static final String SIDE_KEY = "BENCHSIDEKEY";
    private static final int SECURITY = 2;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> messages = messages(n);

        run(messages.subList(0, Math.min(10, n)), 1); // warm-up: let the JIT compile the hot paths
        double[] ours = run(messages, 3);
        double[] ref = reference(messages);
        print("create", ours[0], ref[0]);
        print("parse", ours[1], ref[1]);
    }

    /** Best of {@code rounds}: messages created per second, payloads parsed per second. */
    private static double[] run(List<String> messages, int rounds) throws MamException {
        double bestCreate = 0;
        double bestParse = 0;
        for (int r = 0; r < rounds; r++) {
            MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey(SIDE_KEY), SECURITY);
            List<MamMessage> made = new ArrayList<>(messages.size());
            long t0 = System.nanoTime();
            for (String m : messages) {
                MamChannel.Created c = channel.create(m);
                made.add(c.message());
                channel = c.next();
            }
            long t1 = System.nanoTime();
            SideKey key = new SideKey(SIDE_KEY);
            for (MamMessage m : made) MamDecoder.decode(m.payload(), m.root(), key);
            long t2 = System.nanoTime();
            bestCreate = Math.max(bestCreate, messages.size() * 1e9 / (t1 - t0));
            bestParse = Math.max(bestParse, messages.size() * 1e9 / (t2 - t1));
        }
        return new double[] {bestCreate, bestParse};
    }

    private static double[] reference(List<String> messages) throws IOException, InterruptedException {
        if (!Files.isDirectory(ORACLES.resolve("node_modules"))) {
            throw new IllegalStateException("the npm oracles are not installed in " + ORACLES.toAbsolutePath()
                    + " (run from the repository root via ./iotahome bench mam)");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("seed", SEED);
        input.put("sideKey", SIDE_KEY);
        input.put("security", SECURITY);
        input.put("messages", messages);
        ObjectMapper json = new ObjectMapper();
        Process node = new ProcessBuilder("node", "bench-mam.js").directory(ORACLES.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = node.getOutputStream()) {
            in.write(json.writeValueAsBytes(input));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0)
            throw new IllegalStateException("the reference bench failed: " + out);
        JsonNode result = json.readTree(out);
        return new double[] {result.get("create").asDouble(), result.get("parse").asDouble()};
    }

    /** Device-like DATA messages (PROTOCOL.md §7) of a few hundred trytes, all different. */
    private static List<String> messages(int n) {
        Random random = new Random(1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = String.format(Locale.ROOT,
                    "{\"type\":\"DATA\",\"timestamp\":%d,\"raw\":\"1-0:1.8.1(%09.3f*kWh)\",\"v\":1}",
                    1_700_000_000_000L + 10_000L * i, 1000 + random.nextDouble() * 5000);
            out.add(AsciiTrytes.toTrytes(text));
        }
        return out;
    }

    private static void print(String what, double ours, double ref) {
        System.out.printf(Locale.ROOT, "mam %s ours=%.1f/s ref=%.1f/s ratio=%.1f%n", what, ours, ref, ours / ref);
    }
}
