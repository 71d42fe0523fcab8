package org.iotahome.home.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.protocol.trinary.RandomTrytes;

/**
 * My Home's identity in its data directory: {@code seed} and {@code household.key} (81 trytes
 * each), generated once from a secure random source and kept owner-only (0600). A seed given by the
 * operator ({@code SEED}) wins and is never written to disk. These two files are all My Home needs
 * to fold its state from the Tangle again (PROTOCOL.md §7).
 */
public final class IdentityFiles {

    public static final String SEED_FILE = "seed";
    public static final String HOUSEHOLD_KEY_FILE = "household.key";

    private final Path dataDir;
    private final SecureRandom random;

    public IdentityFiles(Path dataDir, SecureRandom random) {
        this.dataDir = dataDir;
        this.random = random;
    }

    /** Reads the identity, creating what is missing; {@code givenSeed} is the SEED setting. */
    public HomeIdentity loadOrCreate(Optional<String> givenSeed) throws IOException {
        String seed = givenSeed.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (seed != null) {
            if (!Trytes.isTrytes(seed, 81))
                throw new IdentityException("SEED must be 81 trytes (A-Z, 9), got " + seed.length() + " characters");
        } else {
            seed = loadOrCreate(dataDir.resolve(SEED_FILE), "seed");
        }
        return HomeIdentity.of(seed, new SideKey(loadOrCreate(dataDir.resolve(HOUSEHOLD_KEY_FILE), "household side key")));
    }

    private String loadOrCreate(Path file, String what) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            // The content is a secret: the message names the file and the length, never the text.
            if (!Trytes.isTrytes(stored, 81))
                throw new IdentityException(file + " must hold My Home's " + what + " as 81 trytes (A-Z, 9), got "
                        + stored.length() + " characters");
            return stored;
        }
        String fresh = RandomTrytes.of(random, 81);
        AtomicFile.write(file, fresh.getBytes(StandardCharsets.US_ASCII), true);
        return fresh;
    }
}
