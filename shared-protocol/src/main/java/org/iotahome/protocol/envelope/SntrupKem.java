package org.iotahome.protocol.envelope;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

/**
 * Streamlined NTRU Prime sntrup1277 (round 3), Bouncy Castle. Its encodings are those of the
 * round-3 reference and PQClean, which npm {@code ntru@4} builds: public key 2067 bytes, private
 * key 3059 = f (320) ‖ 1/g (320) ‖ public key (2067) ‖ rho (320) ‖ hash of the public key (32),
 * ciphertext 1847, shared secret 32 (checked both ways against the oracle in the test vectors).
 */
final class SntrupKem implements Kem {

    private static final SNTRUPrimeParameters PARAMS = SNTRUPrimeParameters.sntrup1277;
    /** A small polynomial packs 4 coefficients per byte. */
    private static final int SMALL = (PARAMS.getP() + 3) / 4;
    private static final int PK = PARAMS.getPublicKeyBytes();
    private static final int HASH = 32;

    @Override
    public byte[][] generate(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator g = new SNTRUPrimeKeyPairGenerator();
        g.init(new SNTRUPrimeKeyGenerationParameters(random, PARAMS));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        return new byte[][] {((SNTRUPrimePublicKeyParameters) kp.getPublic()).getEncoded(),
                ((SNTRUPrimePrivateKeyParameters) kp.getPrivate()).getEncoded()};
    }

    @Override
    public byte[][] encapsulate(byte[] publicKey, SecureRandom random) {
        SecretWithEncapsulation s = new SNTRUPrimeKEMGenerator(random)
                .generateEncapsulated(new SNTRUPrimePublicKeyParameters(PARAMS, publicKey));
        return new byte[][] {s.getEncapsulation(), s.getSecret()};
    }

    @Override
    public byte[] decapsulate(byte[] privateKey, byte[] ciphertext) {
        int o = 0;
        byte[] f = Arrays.copyOfRange(privateKey, o, o += SMALL);
        byte[] ginv = Arrays.copyOfRange(privateKey, o, o += SMALL);
        byte[] pk = Arrays.copyOfRange(privateKey, o, o += PK);
        byte[] rho = Arrays.copyOfRange(privateKey, o, o += SMALL);
        byte[] hash = Arrays.copyOfRange(privateKey, o, o + HASH);
        return new SNTRUPrimeKEMExtractor(new SNTRUPrimePrivateKeyParameters(PARAMS, f, ginv, pk, rho, hash))
                .extractSecret(ciphertext);
    }

    @Override
    public byte[] publicKeyOf(byte[] privateKey) {
        return Arrays.copyOfRange(privateKey, 2 * SMALL, 2 * SMALL + PK);
    }
}
