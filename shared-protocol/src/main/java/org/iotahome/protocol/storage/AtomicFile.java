package org.iotahome.protocol.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a crash leaves the old content or the new, never a mix
 * (ARCHITECTURE.md: write a temp file, fsync, rename, then fsync the directory so the rename
 * itself survives). Channel state, cursors and key files all go through here.
 */
public final class AtomicFile {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code file}; {@code ownerOnly} makes it 0600 from its first byte. */
    public static void write(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly && POSIX)
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace " + target + " atomically", e);
        }
        syncDirectory(dir);
    }

    /** Platforms that cannot open a directory (Windows) order the rename anyway. */
    private static void syncDirectory(Path dir) throws IOException {
        if (!POSIX) return;
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
