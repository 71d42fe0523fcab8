package org.iotahome.provider.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.storage.SecretFileException;
import org.iotahome.protocol.storage.SecretTrytes;

/**
 * The provider's identity in its data directory (ARCHITECTURE.md "Where state lives"): {@code seed}
 * (81 trytes) and {@code envelope.key} (sntrup1277, PROTOCOL.md §6), each generated once from a
 * secure random source and kept owner-only (0600). A seed given by the operator ({@code SEED}) wins
 * and is never written to disk; so does a key file given by the operator
 * ({@code PROVIDER_ENVELOPE_KEY_FILE}), which must exist: replicas of one provider share it.
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
        return loadOrCreate(givenSeed, Optional.empty());
    }

    /** As {@link #loadOrCreate(Optional)}, with the envelope key read from {@code givenKeyFile} when given. */
    public ProviderIdentity loadOrCreate(Optional<String> givenSeed, Optional<Path> givenKeyFile) throws IOException {
        String seed;
        try {
            seed = SecretTrytes.seed(givenSeed, dataDir.resolve(SEED_FILE), "the provider's seed", random);
        } catch (SecretFileException e) {
            throw new IdentityException(e.getMessage());
        }
        if (givenKeyFile.isPresent()) {
            Path file = givenKeyFile.get();
            if (!Files.isRegularFile(file))
                throw new IdentityException("PROVIDER_ENVELOPE_KEY_FILE " + file.toAbsolutePath() + " is not a file; make one with ./iotahome envelope keygen");
            return ProviderIdentity.of(seed, EnvelopeKeyFile.read(file));
        }
        return ProviderIdentity.of(seed, loadOrCreateKeys(dataDir.resolve(EnvelopeKeyFile.FILE_NAME)));
    }

    private EnvelopeKeyPair loadOrCreateKeys(Path file) {
        if (Files.exists(file)) return EnvelopeKeyFile.read(file);
        // PROTOCOL.md §6: sntrup1277 is the default algorithm.
        EnvelopeKeyPair fresh = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, random);
        EnvelopeKeyFile.write(file, fresh);
        return fresh;
    }
}
