package org.iotahome.protocol.mam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * A checkpoint in one JSON file, replaced atomically (PROTOCOL.md §5: state survives a crash):
 * written to a temporary file in the same directory, fsynced, renamed over the old file, then the
 * directory fsynced so the rename itself is durable. A reader sees the old or the new file, whole.
 * The file holds the seed, so it is created readable by its owner only.
 */
public final class FileChannelStateStore implements ChannelStateStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileChannelStateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<ChannelCheckpoint> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(bytes, ChannelCheckpoint.class));
        } catch (JsonProcessingException e) {
            throw new IOException("channel state " + file + " is not a readable checkpoint: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void save(ChannelCheckpoint checkpoint) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(checkpoint), true);
    }
}
