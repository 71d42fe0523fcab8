package org.iotahome.protocol.mam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A checkpoint in one JSON file, replaced atomically (PROTOCOL.md §5: state survives a crash):
 * written to a temporary file in the same directory, fsynced, renamed over the old file, then the
 * directory fsynced so the rename itself is durable. A reader sees the old or the new file, whole.
 * The file holds the seed, so it is created readable by its owner only.
 */
public final class FileChannelStateStore implements ChannelStateStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final Path temp;

    public FileChannelStateStore(Path file) {
        this.file = file.toAbsolutePath();
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
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
        byte[] bytes = JSON.writeValueAsBytes(checkpoint);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(temp);
        if (POSIX) Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically on this file system", e);
        }
        syncDirectory(file.getParent());
    }

    /** Makes the rename durable; file systems that cannot open a directory (Windows) order it anyway. */
    private static void syncDirectory(Path dir) throws IOException {
        if (!POSIX) return;
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
