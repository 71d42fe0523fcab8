package org.iotahome.protocol.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret kept in a file, made once from a secure random source and owner-only (such as the
 * key that encrypts a service's session cookies, so a restart does not sign everyone out).
 */
public final class RandomSecretFile {

    private RandomSecretFile() {
    }

    /** The base64 of {@code bytes} random bytes in {@code file}, made now if the file is not there. */
    public static synchronized String loadOrCreate(Path file, int bytes, SecureRandom random) {
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] key = new byte[bytes];
            random.nextBytes(key);
            String text = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, text.getBytes(StandardCharsets.US_ASCII), true);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file + ": " + e.getMessage(), e);
        }
    }
}
