package org.iotahome.protocol.tangle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

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
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = JSON.writeValueAsBytes(cursor);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the cursor file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is then skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file content is already on disk
        }
    }
}
