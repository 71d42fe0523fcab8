package org.iotahome.bench;

import java.util.Random;
import org.iota.jota.pow.pearldiver.PearlDiver;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.trinary.Trytes;

/**
 * {@code ./iotahome bench pow}: proof-of-work throughput, ours against jota's PearlDiver, same
 * thread count, same transactions. A search at weight m tries 3^m nonces on average, so
 * hashes/s = searches · 3^m / seconds; both sides solve the same transactions in turn, and the
 * error printed is the sampling error of that estimate (1/√searches).
 */
public final class PowBench {

    public static void main(String[] args) {
        int threads = Runtime.getRuntime().availableProcessors();
        // Seconds per side and weight; mwm 14 gets 4x, since each search there is 243x longer.
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        ProofOfWork ours = ProofOfWork.create(threads);
        System.out.println("pow engine=" + ours.engine() + " threads=" + threads + " budget_s_per_side=" + seconds);
        for (int mwm : new int[] {9, 14}) {
            warmUp(ours, mwm);
            double budget = mwm >= 14 ? 4 * seconds : seconds;
            Result o = run(mwm, budget, tx -> ours.attach(tx, mwm));
            Result p = run(mwm, budget, tx -> pearlDiver(tx, mwm, threads));
            System.out.printf("pow mwm=%d ours_hps=%.0f pearldiver_hps=%.0f ratio=%.2f searches=%d/%d err=±%.0f%%/±%.0f%%%n",
                    mwm, o.hps(), p.hps(), o.hps() / p.hps(), o.searches, p.searches,
                    100 / Math.sqrt(o.searches), 100 / Math.sqrt(p.searches));
        }
    }

    private record Result(int searches, double seconds, int mwm) {
        double hps() {
            return searches * Math.pow(3, mwm) / seconds;
        }
    }

    private static Result run(int mwm, double budget, java.util.function.UnaryOperator<String> solve) {
        Random random = new Random(mwm);
        long start = System.nanoTime();
        int n = 0;
        double elapsed;
        do {
            solve.apply(randomTransaction(random));
            n++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < budget || n < 12);
        return new Result(n, elapsed, mwm);
    }

    private static void warmUp(ProofOfWork ours, int mwm) {
        Random random = new Random(-1);
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < 20; i++) {
            ours.attach(randomTransaction(random), 9);
            pearlDiver(randomTransaction(random), 9, threads);
        }
    }

    private static String pearlDiver(String tx, int mwm, int threads) {
        byte[] trits = Trytes.toTrits(tx);
        int[] ints = new int[trits.length];
        for (int i = 0; i < trits.length; i++) ints[i] = trits[i];
        if (!new PearlDiver().search(ints, mwm, threads)) throw new IllegalStateException("PearlDiver gave up");
        return tx;
    }

    private static String randomTransaction(Random r) {
        StringBuilder sb = new StringBuilder(2673);
        for (int i = 0; i < 2673; i++) sb.append(Trytes.ALPHABET.charAt(r.nextInt(27)));
        return sb.toString();
    }
}
