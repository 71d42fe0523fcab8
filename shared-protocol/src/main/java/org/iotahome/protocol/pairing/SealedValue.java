package org.iotahome.protocol.pairing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import org.iotahome.protocol.envelope.Aead;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.WireJson;

/** A value sealed with the pairing key (PROTOCOL.md §4): JSON {@code {iv, ct}}, both base64. */
public record SealedValue(byte[] iv, byte[] ct) {

    public SealedValue {
        if (Aead.ivProblem(iv) != null) throw new IllegalArgumentException("iv " + Aead.ivProblem(iv));
        if (Aead.ctProblem(ct) != null) throw new IllegalArgumentException("ct " + Aead.ctProblem(ct));
        iv = iv.clone();
        ct = ct.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ct() {
        return ct.clone();
    }

    public ObjectNode toNode() {
        ObjectNode n = WireJson.object();
        n.put("iv", Base64.getEncoder().encodeToString(iv));
        n.put("ct", Base64.getEncoder().encodeToString(ct));
        return n;
    }

    public static SealedValue read(FieldReader r) {
        byte[] iv = r.base64("iv");
        byte[] ct = r.base64("ct");
        r.end();
        if (iv.length != Aead.IV_BYTES)
            throw new MalformedJsonException(r.pathOf("iv"), "must be " + Aead.IV_BYTES + " bytes, was " + iv.length);
        if (ct.length < Aead.TAG_BYTES)
            throw new MalformedJsonException(r.pathOf("ct"), "must hold at least the " + Aead.TAG_BYTES + "-byte tag, was " + ct.length + " bytes");
        return new SealedValue(iv, ct);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedValue s && Arrays.equals(s.iv, iv) && Arrays.equals(s.ct, ct);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(iv) + Arrays.hashCode(ct);
    }

    @Override
    public String toString() {
        return "SealedValue[" + (ct.length - Aead.TAG_BYTES) + " bytes]";
    }
}
