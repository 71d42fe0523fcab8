package org.iotahome.device.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.tangle.Address;

/**
 * The pairing in the data directory (ARCHITECTURE.md "Where state lives"): {@code pairing.json}
 * {@code {home, consent: {root, sideKey}, confirmed}}, owner-only since the side key reads the
 * consent channel, replaced atomically. No file: not paired. Thread-safe.
 */
public final class PairingStore {

    public static final String NAME = "pairing.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public PairingStore(Path dataDir) {
        this.file = dataDir.resolve(NAME).toAbsolutePath();
    }

    public synchronized Optional<Pairing> load() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.path("home").isTextual() || !n.path("consent").isObject())
                throw new PairingStateException(file + " must hold {\"home\": address, \"consent\": {\"root\", \"sideKey\"}}");
            JsonNode c = n.get("consent");
            return Optional.of(new Pairing(new Address(n.get("home").asText()),
                    new ChannelKey(c.path("root").asText(""), c.path("sideKey").asText("")), n.path("confirmed").asBoolean(false)));
        } catch (IOException | IllegalArgumentException e) {
            throw new PairingStateException("cannot read the pairing " + file + ": " + e.getMessage(), e);
        }
    }

    /** Durable before it returns: the device answers OK only after this. */
    public synchronized void save(Pairing pairing) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("home", pairing.home().trytes());
        n.set("consent", JSON.valueToTree(java.util.Map.of("root", pairing.consent().root(), "sideKey", pairing.consent().sideKey())));
        n.put("confirmed", pairing.confirmed());
        AtomicFile.write(file, JSON.writeValueAsBytes(n), true);
    }

    /**
     * Marks the pairing on the consent channel at {@code root} confirmed (PROTOCOL.md §4); false
     * when the stored pairing is another one (replaced meanwhile) or there is none.
     */
    public synchronized boolean confirm(String root) throws IOException {
        Optional<Pairing> current = load();
        if (current.isEmpty() || !current.get().consent().root().equals(root)) return false;
        if (!current.get().confirmed()) save(current.get().confirm());
        return true;
    }

    /** Back to unpaired (DEVICE_DELETED, PROTOCOL.md §7). */
    public synchronized void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
