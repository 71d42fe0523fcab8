package org.iotahome.protocol.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A role's 81-tryte secrets (its seed, a side key) in its data directory (ARCHITECTURE.md "Where
 * state lives"): made once from a secure random source and kept owner-only (0600) through
 * {@link AtomicFile}. A seed the operator gives ({@code SEED}) wins and is never written. Errors name
 * the file and the length, never the content: it is a secret.
 */
public final class SecretTrytes {

    public static final int LENGTH = 81;

    private SecretTrytes() {
    }

    /** The secret in {@code file}, created when missing; {@code what} names it in errors. */
    public static String loadOrCreate(Path file, String what, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!Trytes.isTrytes(stored, LENGTH))
                throw new SecretFileException(file + " must hold " + what + " as 81 trytes (A-Z, 9), got "
                        + stored.length() + " characters");
            return stored;
        }
        String fresh = RandomTrytes.of(random, LENGTH);
        AtomicFile.write(file, fresh.getBytes(StandardCharsets.US_ASCII), true);
        return fresh;
    }

    /** The {@code SEED} setting when given (checked), else the seed kept in {@code file}. */
    public static String seed(Optional<String> given, Path file, String what, SecureRandom random) throws IOException {
        String seed = given.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (seed == null) return loadOrCreate(file, what, random);
        if (!Trytes.isTrytes(seed, LENGTH))
            throw new SecretFileException("SEED must be 81 trytes (A-Z, 9), got " + seed.length() + " characters");
        return seed;
    }
}
