package org.iotahome.protocol.trinary;

import java.security.SecureRandom;

/** Fresh seeds, secrets, side keys and challenges: uniform trytes from a secure random source (nextInt(27) is unbiased). */
public final class RandomTrytes {

    private RandomTrytes() {
    }

    public static String of(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27));
        return new String(out);
    }
}
