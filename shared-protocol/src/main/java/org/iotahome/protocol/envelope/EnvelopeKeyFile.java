package org.iotahome.protocol.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * The {@code envelope.key} file (docs/envelopes-and-pairing.md): one JSON object
 * {@code {"v":1,"alg":…,"publicKey":base64,"privateKey":base64}}, the private key in the reference
 * clients' layout. Created owner-only (0600) from the first byte, written to a temporary file,
 * fsynced and renamed, so a crash leaves the old key or the new one, never half of one.
 */
public final class EnvelopeKeyFile {

    public static final String FILE_NAME = "envelope.key";
    private static final int MAX_CHARS = 16 * 1024;

    private EnvelopeKeyFile() {
    }

    public static void write(Path file, EnvelopeKeyPair keys) {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode n = WireJson.object();
        n.put("v", WireJson.VERSION);
        n.put("alg", keys.alg().wireName());
        n.put("publicKey", b64.encodeToString(keys.publicKey().bytes()));
        n.put("privateKey", b64.encodeToString(keys.privateKey()));
        byte[] content = (WireJson.write(n) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            AtomicFile.write(file, content, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    public static EnvelopeKeyPair read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        try {
            FieldReader r = FieldReader.root(WireJson.readObject(text.strip(), MAX_CHARS, "key file"));
            if (r.longValue("v") != WireJson.VERSION)
                throw new KeyFileException("version " + r.longValue("v") + " is not supported, expected " + WireJson.VERSION);
            KemAlgorithm alg = r.value("alg", KemAlgorithm::fromName);
            byte[] pub = r.base64("publicKey");
            byte[] priv = r.base64("privateKey");
            r.end();
            return new EnvelopeKeyPair(new EnvelopePublicKey(alg, pub), priv);
        } catch (MalformedJsonException | EnvelopeException e) {
            throw new KeyFileException("key file " + file + ": " + e.getMessage(), e);
        }
    }
}
