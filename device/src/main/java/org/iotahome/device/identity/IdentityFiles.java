package org.iotahome.device.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.storage.SecretFileException;
import org.iotahome.protocol.storage.SecretTrytes;

/**
 * The device's identity in its data directory (ARCHITECTURE.md "Where state lives"): {@code seed}
 * and {@code side-key}, 81 trytes each, generated once from a secure random source and written
 * owner-only (0600) through {@link SecretTrytes}. A seed given by the operator ({@code SEED}) wins
 * and is never written to disk.
 */
public final class IdentityFiles {

    public static final String SEED_FILE = "seed";
    public static final String SIDE_KEY_FILE = "side-key";

    private final Path dataDir;
    private final SecureRandom random;

    public IdentityFiles(Path dataDir, SecureRandom random) {
        this.dataDir = dataDir;
        this.random = random;
    }

    /** Reads the identity, creating what is missing; {@code givenSeed} is the SEED setting. */
    public DeviceIdentity loadOrCreate(Optional<String> givenSeed) throws IOException {
        try {
            String seed = SecretTrytes.seed(givenSeed, dataDir.resolve(SEED_FILE), "the device's seed", random);
            return new DeviceIdentity(seed,
                    new SideKey(SecretTrytes.loadOrCreate(dataDir.resolve(SIDE_KEY_FILE), "the device's side key", random)));
        } catch (SecretFileException e) {
            throw new IdentityException(e.getMessage());
        }
    }
}
