package org.iotahome.protocol.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.json.MalformedJsonException;
import org.iotahome.protocol.json.WireJson;

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
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename " + tmp + " atomically", e);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true); // the rename itself survives a crash
            }
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
