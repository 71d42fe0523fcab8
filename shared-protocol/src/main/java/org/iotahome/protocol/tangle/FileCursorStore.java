package org.iotahome.protocol.tangle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * A cursor in one JSON file, replaced atomically (ARCHITECTURE.md: write a temp file, fsync,
 * rename), so a crash leaves either the old cursor or the new one, never half of one.
 */
public final class FileCursorStore implements CursorStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileCursorStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<TangleCursor> load() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.toFile(), TangleCursor.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cursor file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(TangleCursor cursor) {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(cursor), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the cursor file " + file + ": " + e.getMessage(), e);
        }
    }
}
