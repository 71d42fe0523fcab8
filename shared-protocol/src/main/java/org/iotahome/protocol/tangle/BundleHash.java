package org.iotahome.protocol.tangle;

import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.hash.Kerl;
import org.iotahome.protocol.hash.Sponge;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The bundle hash (PROTOCOL.md §2): Kerl over every transaction's essence in index order. A hash
 * whose normalized form holds a 13 ('M') would leak a private-key fragment when signed, so the
 * builder bumps the tail's obsoleteTag until it does not.
 */
public final class BundleHash {

    private BundleHash() {
    }

    /** Kerl of the essences of {@code transactions}, in the order given. */
    public static String of(List<Transaction> transactions) {
        Kerl kerl = new Kerl();
        for (Transaction tx : transactions) kerl.absorb(tx.essenceTrits());
        return Trytes.fromTrits(kerl.squeeze(Sponge.HASH_LENGTH));
    }

    /**
     * The normalized hash: each third's tryte values are shifted one at a time, from the start,
     * until the third sums to zero, keeping every value in -13..13.
     */
    public static int[] normalized(String hash) {
        Trytes.requireTrytes("bundle hash", hash, 81);
        int[] n = new int[81];
        for (int i = 0; i < 81; i++) n[i] = Trytes.value(hash.charAt(i));
        for (int third = 0; third < 3; third++) {
            int from = third * 27;
            int sum = 0;
            for (int j = from; j < from + 27; j++) sum += n[j];
            while (sum > 0) {
                for (int j = from; j < from + 27; j++) if (n[j] > -13) { n[j]--; sum--; break; }
            }
            while (sum < 0) {
                for (int j = from; j < from + 27; j++) if (n[j] < 13) { n[j]++; sum++; break; }
            }
        }
        return n;
    }

    /** True when the normalized hash holds no 13, the condition iota.lib.js's finalize enforces. */
    public static boolean isSecure(String hash) {
        for (int v : normalized(hash)) if (v == 13) return false;
        return true;
    }

    /** The bundle with a secure bundle hash set on every transaction (obsoleteTag bumped as needed). */
    public static List<Transaction> finalize(List<Transaction> transactions) {
        List<Transaction> txs = new ArrayList<>(transactions);
        String hash = of(txs);
        while (!isSecure(hash)) {
            txs.set(0, txs.get(0).withObsoleteTag(increment(txs.get(0).obsoleteTag())));
            hash = of(txs);
        }
        List<Transaction> out = new ArrayList<>(txs.size());
        for (Transaction tx : txs) out.add(tx.withBundle(hash));
        return List.copyOf(out);
    }

    /** Adds one to a tryte string read as balanced trits. */
    static String increment(String trytes) {
        byte[] t = Trytes.toTrits(trytes);
        for (int i = 0; i < t.length; i++) {
            if (++t[i] <= 1) break;
            t[i] = -1;
        }
        return Trytes.fromTrits(t);
    }
}
