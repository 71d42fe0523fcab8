package org.iotahome.protocol.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.iotahome.protocol.hash.Kerl;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The answer to a challenge (PROTOCOL.md §4):
 * {@code trytes(Kerl.squeeze243(absorb(trits(challenge ‖ secret))))}, 81 trytes.
 */
public record SignedChallenge(String trytes) {

    /** Challenge and secret together: one 243-tryte (729-trit) Kerl input. */
    public static final int INPUT_LENGTH = 243;
    public static final int LENGTH = 81;

    public SignedChallenge {
        Trytes.requireTrytes("signedChallenge", trytes, LENGTH);
    }

    public static SignedChallenge sign(Challenge challenge, DeviceSecret secret) {
        String input = challenge.trytes() + secret.trytes();
        if (input.length() != INPUT_LENGTH)
            throw new PairingException("challenge (" + challenge.trytes().length() + " trytes) and secret ("
                    + secret.trytes().length() + " trytes) must together be " + INPUT_LENGTH + " trytes");
        return new SignedChallenge(Trytes.fromTrits(Kerl.hash(Trytes.toTrits(input))));
    }

    /** Constant-time comparison: the time taken says nothing about how much of an answer was right. */
    public boolean matches(SignedChallenge other) {
        return MessageDigest.isEqual(trytes.getBytes(StandardCharsets.US_ASCII),
                other.trytes.getBytes(StandardCharsets.US_ASCII));
    }
}
