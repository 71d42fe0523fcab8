package org.iotahome.protocol.envelope;

import java.util.Arrays;
import java.util.List;

/** The KEMs an envelope may name in {@code alg} (PROTOCOL.md §6), with their encoded sizes. */
public enum KemAlgorithm {
    /** The default: NTRU Prime, byte-compatible with npm {@code ntru@4}. */
    SNTRUP1277("sntrup1277", 2067, 3059, 1847, new SntrupKem()),
    /** FIPS 203 ML-KEM-768, byte-compatible with {@code @noble/post-quantum}. */
    MLKEM768("mlkem768", 1184, 2400, 1088, new MlKem());

    public static final KemAlgorithm DEFAULT = SNTRUP1277;

    private final String wireName;
    private final int publicKeyBytes;
    private final int privateKeyBytes;
    private final int ciphertextBytes;
    private final Kem kem;

    KemAlgorithm(String wireName, int publicKeyBytes, int privateKeyBytes, int ciphertextBytes, Kem kem) {
        this.wireName = wireName;
        this.publicKeyBytes = publicKeyBytes;
        this.privateKeyBytes = privateKeyBytes;
        this.ciphertextBytes = ciphertextBytes;
        this.kem = kem;
    }

    /** The name in JSON and on the command line. */
    public String wireName() {
        return wireName;
    }

    public int publicKeyBytes() {
        return publicKeyBytes;
    }

    public int privateKeyBytes() {
        return privateKeyBytes;
    }

    public int ciphertextBytes() {
        return ciphertextBytes;
    }

    Kem kem() {
        return kem;
    }

    public static KemAlgorithm fromName(String name) {
        for (KemAlgorithm a : values()) if (a.wireName.equals(name)) return a;
        throw new UnknownAlgorithmException(name);
    }

    /** The algorithm whose public keys, as trytes, have this length; none if no algorithm's do. */
    static java.util.Optional<KemAlgorithm> byPublicKeyTrytesLength(int length) {
        return Arrays.stream(values()).filter(a -> a.publicKeyTrytesLength() == length).findFirst();
    }

    /** Two trytes per base64 character, four characters per three bytes (padded). */
    public int publicKeyTrytesLength() {
        return 2 * 4 * ((publicKeyBytes + 2) / 3);
    }

    static List<String> names() {
        return Arrays.stream(values()).map(KemAlgorithm::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
