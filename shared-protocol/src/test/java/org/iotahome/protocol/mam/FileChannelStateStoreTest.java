package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelStateStoreTest {

    static final ChannelState STATE = MamChannel.open("STORE".repeat(16) + "A", MamMode.RESTRICTED, new SideKey("KEY"), 1).state();

    @TempDir
    Path dir;

    @Test
    void anEmptyStoreHasNoCheckpoint() throws IOException {
        assertThat(new FileChannelStateStore(dir.resolve("channel.json")).load()).isEmpty();
    }

    @Test
    void aSavedCheckpointLoadsEqualWithItsUnsentMessage() throws IOException {
        FileChannelStateStore store = new FileChannelStateStore(dir.resolve("sub/channel.json"));
        MamChannel.Created created = MamChannel.resume(STATE).create("HELLO");
        ChannelCheckpoint checkpoint = new ChannelCheckpoint(created.next().state(), created.message());
        store.save(checkpoint);
        assertThat(store.load()).contains(checkpoint);
        store.save(ChannelCheckpoint.of(created.next().state()));
        assertThat(store.load()).contains(ChannelCheckpoint.of(created.next().state()));
        assertThat(dir.resolve("sub/channel.json.tmp")).doesNotExist();
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("channel.json");
        new FileChannelStateStore(file).save(ChannelCheckpoint.of(STATE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedFileIsAnErrorNamingTheFileNeverAFreshChannel() throws IOException {
        Path file = dir.resolve("channel.json");
        Files.writeString(file, "{\"state\":{\"seed\":\"AB");
        assertThatThrownBy(() -> new FileChannelStateStore(file).load())
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsReplaced() throws IOException {
        Path file = dir.resolve("channel.json");
        Files.writeString(dir.resolve("channel.json.tmp"), "half a checkpoint");
        new FileChannelStateStore(file).save(ChannelCheckpoint.of(STATE));
        assertThat(new FileChannelStateStore(file).load()).contains(ChannelCheckpoint.of(STATE));
    }
}
