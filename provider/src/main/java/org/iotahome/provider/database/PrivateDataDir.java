package org.iotahome.provider.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iotahome.provider.ProviderConfig;

/**
 * The data directory is made owner-only at start-up: the H2 database in it holds the grants' side
 * keys, and H2 creates its files with the default umask, where the grant files were 0600.
 */
@ApplicationScoped
public class PrivateDataDir {

    void restrict(@Observes StartupEvent start, ProviderConfig config) {
        Path dir = Path.of(config.dataDir());
        if (!Files.isDirectory(dir) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir.toAbsolutePath() + " owner-only: " + e.getMessage(), e);
        }
    }
}
