package org.iotahome.protocol.envelope;

import java.util.Arrays;

/**
 * A secret for one recipient (PROTOCOL.md §6): {@code kem} the KEM ciphertext of {@code alg},
 * {@code iv} 12 bytes, {@code ct} the AES-256-GCM ciphertext with its 16-byte tag.
 */
public record Envelope(KemAlgorithm alg, byte[] kem, byte[] iv, byte[] ct) {

    public Envelope {
        if (alg == null) throw new MalformedEnvelopeException("alg", "is missing");
        if (kem == null || kem.length != alg.ciphertextBytes())
            throw new MalformedEnvelopeException("kem", alg + " KEM ciphertext must be " + alg.ciphertextBytes()
                    + " bytes, was " + (kem == null ? "missing" : kem.length));
        if (Aead.ivProblem(iv) != null) throw new MalformedEnvelopeException("iv", Aead.ivProblem(iv));
        if (Aead.ctProblem(ct) != null) throw new MalformedEnvelopeException("ct", Aead.ctProblem(ct));
        kem = kem.clone();
        iv = iv.clone();
        ct = ct.clone();
    }

    @Override
    public byte[] kem() {
        return kem.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ct() {
        return ct.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && e.alg == alg && Arrays.equals(e.kem, kem) && Arrays.equals(e.iv, iv)
                && Arrays.equals(e.ct, ct);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {alg.hashCode(), Arrays.hashCode(kem), Arrays.hashCode(iv), Arrays.hashCode(ct)});
    }

    @Override
    public String toString() {
        return "Envelope[" + alg + ", " + (ct.length - Aead.TAG_BYTES) + " plaintext bytes]";
    }
}
