package org.iotahome.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;

/**
 * {@code ./iotahome bench envelope [SECONDS]}: envelopes sealed and opened per second, one thread,
 * for each algorithm (an 81-tryte side key as plaintext, the KEY_ROTATION case), then the npm
 * oracle's envelope in Node as the baseline when the oracles are installed.
 */
public final class EnvelopeBench {

    private static final String SIDE_KEY = "S".repeat(81);

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        SecureRandom random = new SecureRandom();
        EnvelopeSealer sealer = new EnvelopeSealer(random);
        for (KemAlgorithm alg : KemAlgorithm.values()) {
            EnvelopeKeyPair keys = EnvelopeKeyPair.generate(alg, random);
            EnvelopeOpener opener = new EnvelopeOpener(keys);
            Envelope e = sealer.seal(keys.publicKey(), SIDE_KEY);
            rate(() -> opener.open(sealer.seal(keys.publicKey(), SIDE_KEY)), seconds / 2); // warm-up
            double seal = rate(() -> sealer.seal(keys.publicKey(), SIDE_KEY), seconds);
            double open = rate(() -> opener.open(e), seconds);
            System.out.printf("envelope alg=%s seal_per_s=%.0f open_per_s=%.0f%n", alg.wireName(), seal, open);
        }
        oracleBaseline(seconds);
    }

    private static double rate(Runnable op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            op.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void oracleBaseline(double seconds) throws IOException, InterruptedException {
        Path oracles = Path.of("shared-protocol/src/test/oracles");
        if (!Files.isDirectory(oracles.resolve("node_modules/ntru"))) {
            System.out.println("oracle baseline skipped: npm oracles not installed in " + oracles);
            return;
        }
        Process p = new ProcessBuilder("node", "bench-envelope.js", String.valueOf(seconds)).directory(oracles.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("oracle baseline failed: " + out.strip());
            return;
        }
        System.out.print(out);
    }
}
