package org.iotahome.provider.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The provider's identity in its data directory (ARCHITECTURE.md "Where state lives"): {@code seed}
 * (81 trytes) and {@code envelope.key} (sntrup1277, PROTOCOL.md §6), each generated once from a
 * secure random source and kept owner-only (0600). A seed given by the operator ({@code SEED}) wins
 * and is never written to disk.
 */
public final class IdentityFiles {

    public static final String SEED_FILE = "seed";

    private final Path dataDir;
    private final SecureRandom random;

    public IdentityFiles(Path dataDir, SecureRandom random) {
        this.dataDir = dataDir;
        this.random = random;
    }

    /** Reads the identity, creating what is missing; {@code givenSeed} is the SEED setting. */
    public ProviderIdentity loadOrCreate(Optional<String> givenSeed) throws IOException {
        String seed = givenSeed.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (seed != null) {
            if (!Trytes.isTrytes(seed, 81))
                throw new IdentityException("SEED must be 81 trytes (A-Z, 9), got " + seed.length() + " characters");
        } else {
            seed = loadOrCreateSeed(dataDir.resolve(SEED_FILE));
        }
        return ProviderIdentity.of(seed, loadOrCreateKeys(dataDir.resolve(EnvelopeKeyFile.FILE_NAME)));
    }

    private String loadOrCreateSeed(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            // The content is a secret: the message names the file and the length, never the text.
            if (!Trytes.isTrytes(stored, 81))
                throw new IdentityException(file + " must hold the provider's seed as 81 trytes (A-Z, 9), got "
                        + stored.length() + " characters");
            return stored;
        }
        char[] out = new char[81];
        for (int i = 0; i < out.length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27)); // unbiased
        String fresh = new String(out);
        AtomicFile.write(file, fresh.getBytes(StandardCharsets.US_ASCII), true);
        return fresh;
    }

    private EnvelopeKeyPair loadOrCreateKeys(Path file) {
        if (Files.exists(file)) return EnvelopeKeyFile.read(file);
        // PROTOCOL.md §6: sntrup1277 is the default algorithm.
        EnvelopeKeyPair fresh = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, random);
        EnvelopeKeyFile.write(file, fresh);
        return fresh;
    }
}
