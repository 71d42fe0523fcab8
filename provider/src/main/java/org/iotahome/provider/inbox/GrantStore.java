package org.iotahome.provider.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * Grants, one JSON file per device channel root in one directory, each replaced atomically
 * ({@link AtomicFile}) and owner-only: the side keys read the device's data.
 */
public final class GrantStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".json";

    private final Path dir;

    public GrantStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** Stores the grant, replacing one with the same device root. */
    public synchronized void save(Grant grant) {
        ObjectNode n = JSON.createObjectNode();
        n.put("deviceRoot", grant.deviceRoot());
        n.put("deviceSideKey", grant.deviceSideKey().trytes());
        n.put("consentRoot", grant.consentRoot());
        n.put("consentSideKey", grant.consentSideKey().trytes());
        n.put("receivedAt", grant.receivedAt());
        n.put("status", grant.status().name());
        Path file = fileOf(grant.deviceRoot());
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(n), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the grant " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<Grant> get(String deviceRoot) {
        Path file = fileOf(deviceRoot);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every grant, oldest first. */
    public synchronized List<Grant> all() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Grant> grants = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) grants.add(read(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the grants in " + dir + ": " + e.getMessage(), e);
        }
        grants.sort(Comparator.comparingLong(Grant::receivedAt).thenComparing(Grant::deviceRoot));
        return grants;
    }

    /** Forgets a grant (a pending one that was never confirmed). */
    public synchronized void delete(String deviceRoot) {
        try {
            Files.deleteIfExists(fileOf(deviceRoot));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the grant " + fileOf(deviceRoot) + ": " + e.getMessage(), e);
        }
    }

    /** Marks the grant revoked; false when there is no grant at that root. */
    public synchronized boolean revoke(String deviceRoot) {
        Optional<Grant> grant = get(deviceRoot);
        grant.ifPresent(g -> save(g.revoked()));
        return grant.isPresent();
    }

    private Path fileOf(String deviceRoot) {
        // Grant validates roots as 81 trytes, so a root is a safe file name.
        org.iotahome.protocol.trinary.Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return dir.resolve(deviceRoot + SUFFIX);
    }

    private static Grant read(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            for (String field : List.of("deviceRoot", "deviceSideKey", "consentRoot", "consentSideKey", "status"))
                if (n == null || !n.path(field).isTextual()) throw new IOException("expected a text field " + field);
            if (!n.path("receivedAt").canConvertToLong()) throw new IOException("expected a number field receivedAt");
            return new Grant(n.get("deviceRoot").asText(), new SideKey(n.get("deviceSideKey").asText()), n.get("consentRoot").asText(),
                    new SideKey(n.get("consentSideKey").asText()), n.get("receivedAt").asLong(),
                    Grant.Status.valueOf(n.get("status").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("cannot read the grant " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
