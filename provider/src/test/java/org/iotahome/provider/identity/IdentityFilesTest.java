package org.iotahome.provider.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFilesTest {

    @TempDir
    Path dir;

    @Test
    void theIdentityIsCreatedOnceOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        ProviderIdentity first = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty());
        ProviderIdentity again = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty());
        assertThat(again.address()).isEqualTo(first.address());
        assertThat(again.publicKeyTrytes()).isEqualTo(first.publicKeyTrytes());
        assertThat(first.keys().alg()).isEqualTo(KemAlgorithm.SNTRUP1277);
        for (String file : new String[] {IdentityFiles.SEED_FILE, EnvelopeKeyFile.FILE_NAME})
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).isEqualTo("rw-------");
    }

    @Test
    void aGivenSeedWinsAndIsNotWritten() throws Exception {
        String seed = "S".repeat(81);
        ProviderIdentity identity = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of(seed + "\n"));
        assertThat(identity.address()).isEqualTo(MailboxAddress.of(seed));
        assertThat(dir.resolve(IdentityFiles.SEED_FILE)).doesNotExist();
        assertThat(identity.toString()).doesNotContain(seed);
    }

    @Test
    void aBadSeedIsRefusedWithoutShowingIt() throws Exception {
        assertThatThrownBy(() -> new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of("secret1")))
                .isInstanceOf(IdentityException.class).hasMessageContaining("SEED must be 81 trytes").hasMessageNotContaining("secret1");
        Files.writeString(dir.resolve(IdentityFiles.SEED_FILE), "short");
        assertThatThrownBy(() -> new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty()))
                .isInstanceOf(IdentityException.class).hasMessageContaining("81 trytes").hasMessageContaining("5 characters");
    }

    @Test
    void aGivenKeyFileIsReadAndNeverWrittenAndMustExist(@TempDir Path elsewhere) throws Exception {
        Path key = elsewhere.resolve("mounted.key");
        EnvelopeKeyPair made = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        EnvelopeKeyFile.write(key, made);
        ProviderIdentity one = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of("S".repeat(81)), Optional.of(key));
        ProviderIdentity two = new IdentityFiles(elsewhere.resolve("other"), new SecureRandom())
                .loadOrCreate(Optional.of("S".repeat(81)), Optional.of(key));
        assertThat(two.publicKeyTrytes()).as("two replicas, one provider").isEqualTo(one.publicKeyTrytes());
        assertThat(one.keys().alg()).isEqualTo(KemAlgorithm.MLKEM768);
        assertThat(dir.resolve(EnvelopeKeyFile.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty(), Optional.of(elsewhere.resolve("missing.key"))))
                .isInstanceOf(IdentityException.class).hasMessageContaining("PROVIDER_ENVELOPE_KEY_FILE").hasMessageContaining("missing.key");
        assertThat(dir.resolve(EnvelopeKeyFile.FILE_NAME)).as("a missing given key is not replaced by a new one").doesNotExist();
    }
}
