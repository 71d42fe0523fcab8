package org.iotahome.protocol.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.WireJson;

/**
 * The envelope's JSON {@code {alg, kem, iv, ct}} with base64 binary fields (PROTOCOL.md §6). An
 * envelope stands alone (the CLI, files) or nests inside messages (MAM_DATA, KEY_ROTATION).
 */
public final class EnvelopeJson {

    /** Generous for a KEM ciphertext and a short secret; an envelope holds keys, not data. */
    public static final int MAX_CHARS = 16 * 1024;

    private EnvelopeJson() {
    }

    public static ObjectNode toNode(Envelope e) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode n = WireJson.object();
        n.put("alg", e.alg().wireName());
        n.put("kem", b64.encodeToString(e.kem()));
        n.put("iv", b64.encodeToString(e.iv()));
        n.put("ct", b64.encodeToString(e.ct()));
        return n;
    }

    public static String write(Envelope e) {
        return WireJson.write(toNode(e));
    }

    /** Reads a nested envelope; errors name the field's full path. */
    public static Envelope read(FieldReader r) {
        KemAlgorithm alg = r.value("alg", KemAlgorithm::fromName);
        byte[] kem = r.base64("kem");
        byte[] iv = r.base64("iv");
        byte[] ct = r.base64("ct");
        r.end();
        try {
            return new Envelope(alg, kem, iv, ct);
        } catch (MalformedEnvelopeException e) {
            throw new MalformedJsonException(r.pathOf(e.field()), e.reason(), e);
        }
    }

    /** Reads a standalone envelope; every refusal is an {@link EnvelopeException}. */
    public static Envelope parse(String json) {
        try {
            return read(FieldReader.root(WireJson.readObject(json, MAX_CHARS, "envelope")));
        } catch (MalformedJsonException e) {
            if (e.getCause() instanceof EnvelopeException inner) throw inner;
            throw new MalformedEnvelopeException(e.field(), "envelope " + e.getMessage(), e);
        }
    }
}
