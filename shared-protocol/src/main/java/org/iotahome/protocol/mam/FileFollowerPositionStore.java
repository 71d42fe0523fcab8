package org.iotahome.protocol.mam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * A follower position in one JSON file {@code {root, sideKey}}, replaced atomically
 * ({@link AtomicFile}) and readable by its owner only: the side key reads the channel.
 */
public final class FileFollowerPositionStore implements FollowerPositionStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileFollowerPositionStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<FollowerPosition> load() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.path("root").isTextual() || !n.path("sideKey").isTextual())
                throw new IOException("expected {\"root\": trytes, \"sideKey\": trytes}");
            return Optional.of(new FollowerPosition(n.get("root").asText(), new SideKey(n.get("sideKey").asText())));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("cannot read the follower position " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public void save(FollowerPosition position) {
        ObjectNode n = JSON.createObjectNode();
        n.put("root", position.root());
        n.put("sideKey", position.sideKey().trytes());
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(n), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the follower position " + file + ": " + e.getMessage(), e);
        }
    }
}
