package org.iotahome.device.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityFilesTest {

    private static final String GIVEN = "GIVENSEED".repeat(9);

    @Test
    void generatesTheSeedAndSideKeyOnceAndKeepsThem(@TempDir Path dir) throws Exception {
        DeviceIdentity first = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty());
        DeviceIdentity again = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty());
        assertThat(again).isEqualTo(first);
        assertThat(first.seed()).hasSize(81).isNotEqualTo(first.sideKey().trytes());
        for (String f : new String[]{IdentityFiles.SEED_FILE, IdentityFiles.SIDE_KEY_FILE})
            assertThat(Files.getPosixFilePermissions(dir.resolve(f)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void twoDevicesGetDifferentSecrets(@TempDir Path one, @TempDir Path two) throws Exception {
        DeviceIdentity a = new IdentityFiles(one.resolve("a"), new SecureRandom()).loadOrCreate(Optional.empty());
        DeviceIdentity b = new IdentityFiles(two.resolve("b"), new SecureRandom()).loadOrCreate(Optional.empty());
        assertThat(a.seed()).isNotEqualTo(b.seed());
        assertThat(a.sideKey()).isNotEqualTo(b.sideKey());
    }

    @Test
    void aGivenSeedWinsAndIsNotWrittenToDisk(@TempDir Path dir) throws Exception {
        DeviceIdentity id = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of(GIVEN));
        assertThat(id.seed()).isEqualTo(GIVEN);
        assertThat(dir.resolve(IdentityFiles.SEED_FILE)).doesNotExist();
        assertThat(dir.resolve(IdentityFiles.SIDE_KEY_FILE)).exists();
    }

    @Test
    void refusesABadSeedWithoutPrintingIt(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of("secret-seed")))
                .hasMessage("SEED must be 81 trytes (A-Z, 9), got 11 characters");
        Files.writeString(dir.resolve(IdentityFiles.SEED_FILE), "lowercase".repeat(9));
        assertThatThrownBy(() -> new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.empty()))
                .isInstanceOf(IdentityException.class).hasMessageContaining("got 81 characters")
                .hasMessageNotContaining("lowercase");
    }

    @Test
    void neverPrintsTheSecrets(@TempDir Path dir) throws Exception {
        DeviceIdentity id = new IdentityFiles(dir, new SecureRandom()).loadOrCreate(Optional.of(GIVEN));
        assertThat(id.toString()).doesNotContain(GIVEN).doesNotContain(id.sideKey().trytes());
    }
}
