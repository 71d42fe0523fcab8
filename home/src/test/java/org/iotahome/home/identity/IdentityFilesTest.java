package org.iotahome.home.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFilesTest {

    @TempDir
    Path dir;

    private IdentityFiles files() {
        return new IdentityFiles(dir, new SecureRandom());
    }

    @Test
    void aGeneratedIdentityIsKeptOwnerOnlyAndLoadedAgainUnchanged() throws Exception {
        HomeIdentity first = files().loadOrCreate(Optional.empty());

        assertThat(files().loadOrCreate(Optional.empty())).isEqualTo(first);
        assertThat(first.address()).isEqualTo(MailboxAddress.of(first.seed()));
        for (String name : new String[] {IdentityFiles.SEED_FILE, IdentityFiles.HOUSEHOLD_KEY_FILE})
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)))).isEqualTo("rw-------");
    }

    @Test
    void aGivenSeedWinsAndIsNeverWritten() throws Exception {
        HomeIdentity given = files().loadOrCreate(Optional.of("S".repeat(81)));

        assertThat(given.seed()).isEqualTo("S".repeat(81));
        assertThat(dir.resolve(IdentityFiles.SEED_FILE)).doesNotExist();
        assertThat(given.toString()).doesNotContain("S".repeat(81));
    }

    @Test
    void aSeedThatIsNotTrytesStopsStartupNamingTheSettingButNotTheText() {
        assertThatThrownBy(() -> files().loadOrCreate(Optional.of("secret-seed")))
                .isInstanceOf(IdentityException.class).hasMessage("SEED must be 81 trytes (A-Z, 9), got 11 characters");
    }

    @Test
    void aDamagedKeyFileIsNamedInTheError() throws Exception {
        Files.writeString(dir.resolve(IdentityFiles.HOUSEHOLD_KEY_FILE), "short");

        assertThatThrownBy(() -> files().loadOrCreate(Optional.empty())).isInstanceOf(IdentityException.class)
                .hasMessageContaining(IdentityFiles.HOUSEHOLD_KEY_FILE).hasMessageContaining("got 5 characters");
    }
}
