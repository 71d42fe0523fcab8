package org.iotahome.protocol.pairing;

import java.security.SecureRandom;
import org.iotahome.protocol.trinary.Trytes;

/** Uniform trytes from a secure random source (nextInt(27) is unbiased). */
final class RandomTrytes {

    private RandomTrytes() {
    }

    static String of(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27));
        return new String(out);
    }
}
