package org.iotahome.protocol.envelope;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 (FIPS 203), Bouncy Castle. The private key is FIPS 203's expanded decapsulation key
 * (2400 bytes: dk_pke 1152 ‖ ek 1184 ‖ H(ek) 32 ‖ z 32), the form {@code @noble/post-quantum} uses.
 */
final class MlKem implements Kem {

    private static final MLKEMParameters PARAMS = MLKEMParameters.ml_kem_768;
    private static final int DK_PKE = 384 * 3;
    private static final int EK = 1184;

    @Override
    public byte[][] generate(SecureRandom random) {
        MLKEMKeyPairGenerator g = new MLKEMKeyPairGenerator();
        g.init(new MLKEMKeyGenerationParameters(random, PARAMS));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        MLKEMPrivateKeyParameters sk = ((MLKEMPrivateKeyParameters) kp.getPrivate())
                .withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY);
        return new byte[][] {((MLKEMPublicKeyParameters) kp.getPublic()).getEncoded(), sk.getEncoded()};
    }

    @Override
    public byte[][] encapsulate(byte[] publicKey, SecureRandom random) {
        SecretWithEncapsulation s = new MLKEMGenerator(random)
                .generateEncapsulated(new MLKEMPublicKeyParameters(PARAMS, publicKey));
        return new byte[][] {s.getEncapsulation(), s.getSecret()};
    }

    @Override
    public byte[] decapsulate(byte[] privateKey, byte[] ciphertext) {
        return new MLKEMExtractor(new MLKEMPrivateKeyParameters(PARAMS, privateKey)).extractSecret(ciphertext);
    }

    @Override
    public byte[] publicKeyOf(byte[] privateKey) {
        return Arrays.copyOfRange(privateKey, DK_PKE, DK_PKE + EK);
    }
}
