package org.iotahome.home.identity;

import java.security.SecureRandom;
import org.iotahome.protocol.trinary.Trytes;

/** Fresh seeds and side keys: trytes from a secure random source, each tryte unbiased. */
public final class RandomTrytes {

    private RandomTrytes() {
    }

    public static String of(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27));
        return new String(out);
    }
}
