package org.iotahome.home.household;

import org.iotahome.protocol.hash.Kerl;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.Trits;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A consent channel's seed and side key, derived from My Home's seed, the device and how many
 * times this household paired it before (PROTOCOL.md §7): never drawn at random and kept only on
 * disk, so with every local file lost My Home can still publish on each consent channel. Kerl of
 * {@code seed ‖ device ‖ purpose}, one 243-trit chunk each.
 */
public final class ConsentSeeds {

    private ConsentSeeds() {
    }

    public static String seed(String homeSeed, Address device, int generation) {
        return derive(homeSeed, device, "CONSENT9SEED9", generation);
    }

    public static SideKey sideKey(String homeSeed, Address device, int generation) {
        return new SideKey(derive(homeSeed, device, "CONSENT9SIDE9KEY9", generation));
    }

    private static String derive(String homeSeed, Address device, String purpose, int generation) {
        if (!Trytes.isTrytes(homeSeed, 81)) throw new IllegalArgumentException("My Home's seed must be 81 trytes");
        if (generation < 0) throw new IllegalArgumentException("pairing generation must be >= 0, was " + generation);
        String tag = purpose + Trits.longToTrytes(generation, 9);
        String input = homeSeed + device.trytes() + tag + "9".repeat(81 - tag.length());
        return Trytes.fromTrits(Kerl.hash(Trytes.toTrits(input)));
    }
}
