package org.iotahome.protocol.pairing;

import java.security.SecureRandom;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.protocol.trinary.RandomTrytes;

/**
 * The per-device pairing secret (PROTOCOL.md §4). At least 20 trytes: challenge and answer are
 * public, so a short secret falls to an offline search. At most 81, so a challenge keeps at least
 * 162 random trytes.
 */
public record DeviceSecret(String trytes) {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 81;
    /** 27 trytes = 81 trits, about 128 bits. */
    public static final int DEFAULT_LENGTH = 27;

    public DeviceSecret {
        Trytes.requireTrytes("device secret", trytes);
        if (trytes.length() < MIN_LENGTH || trytes.length() > MAX_LENGTH)
            throw new IllegalArgumentException("device secret must be " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " trytes, was " + trytes.length());
    }

    public static DeviceSecret generate(SecureRandom random) {
        return new DeviceSecret(RandomTrytes.of(random, DEFAULT_LENGTH));
    }

    /** Never the secret itself: records print their fields, logs must not. */
    @Override
    public String toString() {
        return "DeviceSecret[" + trytes.length() + " trytes]";
    }
}
