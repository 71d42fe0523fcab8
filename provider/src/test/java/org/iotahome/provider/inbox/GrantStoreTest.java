package org.iotahome.provider.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotahome.protocol.mam.SideKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantStoreTest {

    @TempDir
    Path dir;

    private static Grant grant(char root, long receivedAt) {
        return new Grant(String.valueOf(root).repeat(81), new SideKey("DEVICE9KEY"), "C".repeat(81), new SideKey("CONSENT9KEY"),
                receivedAt, Grant.Status.ACTIVE);
    }

    @Test
    void aSavedGrantIsReadBackByANewStoreOldestFirst() {
        GrantStore store = new GrantStore(dir);
        store.save(grant('B', 2));
        store.save(grant('A', 5));
        assertThat(new GrantStore(dir).all()).containsExactly(grant('B', 2), grant('A', 5));
        assertThat(new GrantStore(dir).get("A".repeat(81))).contains(grant('A', 5));
    }

    @Test
    void aRevocationSurvivesARestartAndKeepsTheRest() {
        GrantStore store = new GrantStore(dir);
        store.save(grant('A', 1));
        assertThat(store.revoke("A".repeat(81))).isTrue();
        assertThat(store.revoke("Z".repeat(81))).isFalse();
        Grant read = new GrantStore(dir).get("A".repeat(81)).orElseThrow();
        assertThat(read.status()).isEqualTo(Grant.Status.REVOKED);
        assertThat(read.deviceSideKey()).isEqualTo(new SideKey("DEVICE9KEY"));
    }

    @Test
    void grantFilesAreReadableByTheOwnerOnly() throws Exception {
        new GrantStore(dir).save(grant('A', 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("A".repeat(81) + ".json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDamagedGrantFileIsAFaultNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("A".repeat(81) + ".json"), "{\"deviceRoot\": 7}");
        assertThatThrownBy(() -> new GrantStore(dir).all()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("A".repeat(81) + ".json").hasMessageContaining("deviceRoot");
    }

    @Test
    void anEmptyOrMissingDirectoryHoldsNoGrants() {
        assertThat(new GrantStore(dir.resolve("none")).all()).isEmpty();
    }
}
