package org.iotahome.home.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.storage.SecretFileException;
import org.iotahome.protocol.storage.SecretTrytes;

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
        try {
            String seed = SecretTrytes.seed(givenSeed, dataDir.resolve(SEED_FILE), "My Home's seed", random);
            return HomeIdentity.of(seed, new SideKey(
                    SecretTrytes.loadOrCreate(dataDir.resolve(HOUSEHOLD_KEY_FILE), "My Home's household side key", random)));
        } catch (SecretFileException e) {
            throw new IdentityException(e.getMessage());
        }
    }
}
