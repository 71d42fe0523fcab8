package org.iotahome.protocol.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomSecretFileTest {

    @Test
    void madeOnceOwnerOnlyThenReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("session.key");
        String first = RandomSecretFile.loadOrCreate(file, 32, new SecureRandom());
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(RandomSecretFile.loadOrCreate(file, 32, new SecureRandom())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(RandomSecretFile.loadOrCreate(dir.resolve("other.key"), 32, new SecureRandom())).isNotEqualTo(first);
    }
}
