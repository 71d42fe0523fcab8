package org.iotahome.protocol.pairing;

import java.security.SecureRandom;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.protocol.trinary.RandomTrytes;

/**
 * A pairing challenge: {@code 243 − len(secret)} random trytes (PROTOCOL.md §4), so challenge and
 * secret fill exactly one 243-tryte Kerl input.
 */
public record Challenge(String trytes) {

    public static final int MIN_LENGTH = SignedChallenge.INPUT_LENGTH - DeviceSecret.MAX_LENGTH;
    public static final int MAX_LENGTH = SignedChallenge.INPUT_LENGTH - DeviceSecret.MIN_LENGTH;

    public Challenge {
        Trytes.requireTrytes("challenge", trytes);
        if (trytes.length() < MIN_LENGTH || trytes.length() > MAX_LENGTH)
            throw new IllegalArgumentException("challenge must be " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " trytes (243 minus the secret's length), was " + trytes.length());
    }

    public static Challenge issue(DeviceSecret secret, SecureRandom random) {
        return new Challenge(RandomTrytes.of(random, SignedChallenge.INPUT_LENGTH - secret.trytes().length()));
    }
}
