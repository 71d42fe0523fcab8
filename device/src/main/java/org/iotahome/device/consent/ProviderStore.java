package org.iotahome.device.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.tangle.Address;

/**
 * The providers the household authorized for this device (ARCHITECTURE.md "Where state lives"):
 * {@code providers.json}, an array of {@code {url, iotaAddress, publicKeyTrytes}}, replaced
 * atomically. One entry per provider address; the newest AUTHORIZED wins. Thread-safe.
 */
public final class ProviderStore {

    public static final String NAME = "providers.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ProviderStore(Path dataDir) {
        this.file = dataDir.resolve(NAME).toAbsolutePath();
    }

    public synchronized List<ServiceProvider> all() {
        if (!Files.exists(file)) return List.of();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isArray()) throw new ConsentStateException(file + " must hold an array of providers");
            List<ServiceProvider> out = new ArrayList<>();
            for (JsonNode p : n) {
                if (!p.isObject()) throw new ConsentStateException(file + " must hold provider objects, found " + p.getNodeType());
                out.add(ServiceProvider.read(FieldReader.root((ObjectNode) p)));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConsentStateException("cannot read the providers " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code provider}, replacing one at the same address. */
    public synchronized void add(ServiceProvider provider) throws IOException {
        List<ServiceProvider> next = new ArrayList<>(all());
        next.removeIf(p -> p.iotaAddress().equals(provider.iotaAddress()));
        next.add(provider);
        save(next);
    }

    /** Removes the provider at {@code address}; true when there was one. */
    public synchronized boolean remove(Address address) throws IOException {
        List<ServiceProvider> next = new ArrayList<>(all());
        boolean removed = next.removeIf(p -> p.iotaAddress().equals(address));
        if (removed) save(next);
        return removed;
    }

    public synchronized void clear() throws IOException {
        save(List.of());
    }

    private void save(List<ServiceProvider> providers) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        providers.forEach(p -> a.add(p.toNode()));
        AtomicFile.write(file, JSON.writeValueAsBytes(a), false);
    }
}
