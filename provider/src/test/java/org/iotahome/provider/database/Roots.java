package org.iotahome.provider.database;

import java.security.SecureRandom;

/** Fresh channel roots: the store tests share one database per run, so each test keeps to its own households. */
public final class Roots {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRYTES = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Roots() {
    }

    public static String random() {
        StringBuilder b = new StringBuilder(81);
        for (int i = 0; i < 81; i++) b.append(TRYTES.charAt(RANDOM.nextInt(TRYTES.length())));
        return b.toString();
    }
}
