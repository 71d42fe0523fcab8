package org.iotahome.device.identity;

import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.trinary.Trytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The device's identity in its data directory (ARCHITECTURE.md "Where state lives"): {@code seed}
 * and {@code side-key}, 81 trytes each, generated once from a secure random source and written
 * owner-only (0600) through {@link AtomicFile}. A seed given by the operator ({@code SEED}) wins
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
        String seed;
        if (givenSeed.isPresent()) {
            seed = givenSeed.get().trim();
            if (!Trytes.isTrytes(seed, 81))
                throw new IdentityException("SEED must be 81 trytes (A-Z, 9), got " + seed.length() + " characters");
        } else {
            seed = loadOrCreate(dataDir.resolve(SEED_FILE), "seed");
        }
        return new DeviceIdentity(seed, new SideKey(loadOrCreate(dataDir.resolve(SIDE_KEY_FILE), "side key")));
    }

    private String loadOrCreate(Path file, String what) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            // The content is a secret: the message names the file and the length, never the text.
            if (!Trytes.isTrytes(stored, 81))
                throw new IdentityException(file + " must hold the device's " + what + " as 81 trytes (A-Z, 9), got "
                        + stored.length() + " characters");
            return stored;
        }
        String fresh = randomTrytes(81);
        AtomicFile.write(file, fresh.getBytes(StandardCharsets.US_ASCII), true);
        return fresh;
    }

    /** Uniform trytes: nextInt(27) is unbiased. */
    private String randomTrytes(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27));
        return new String(out);
    }
}
