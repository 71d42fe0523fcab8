package org.iotahome.device.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.json.FieldReader;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.tangle.Address;

/**
 * The providers the household authorized for this device (ARCHITECTURE.md "Where state lives"):
 * {@code providers.json}, an array of {@code {url, iotaAddress, publicKeyTrytes}} with
 * {@code expires} (ms since the epoch) where the consent ends by itself, replaced atomically. One
 * entry per provider address; the newest AUTHORIZED wins. Thread-safe.
 */
public final class ProviderStore {

    public static final String NAME = "providers.json";
    private static final String EXPIRES = "expires";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ProviderStore(Path dataDir) {
        this.file = dataDir.resolve(NAME).toAbsolutePath();
    }

    public synchronized List<ServiceProvider> all() {
        return entries().keySet().stream().toList();
    }

    /** The providers whose consent ended by itself at or before {@code now}. */
    public synchronized List<ServiceProvider> expiredAt(Instant now) {
        return entries().entrySet().stream().filter(e -> e.getValue().isPresent() && !e.getValue().get().isAfter(now))
                .map(Map.Entry::getKey).toList();
    }

    private Map<ServiceProvider, Optional<Instant>> entries() {
        if (!Files.exists(file)) return Map.of();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isArray()) throw new ConsentStateException(file + " must hold an array of providers");
            Map<ServiceProvider, Optional<Instant>> out = new LinkedHashMap<>();
            for (JsonNode p : n) {
                if (!p.isObject()) throw new ConsentStateException(file + " must hold provider objects, found " + p.getNodeType());
                ObjectNode provider = ((ObjectNode) p).deepCopy();
                JsonNode expires = provider.remove(EXPIRES);
                out.put(ServiceProvider.read(FieldReader.root(provider)),
                        expires == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires.asLong())));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConsentStateException("cannot read the providers " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code provider}, replacing one at the same address. */
    public synchronized void add(ServiceProvider provider) throws IOException {
        add(provider, Optional.empty());
    }

    /** Adds {@code provider} whose consent ends by itself at {@code expires}, if given; replaces one at the same address. */
    public synchronized void add(ServiceProvider provider, Optional<Instant> expires) throws IOException {
        Map<ServiceProvider, Optional<Instant>> next = new LinkedHashMap<>(entries());
        next.keySet().removeIf(p -> p.iotaAddress().equals(provider.iotaAddress()));
        next.put(provider, expires);
        save(next);
    }

    /** Removes the provider at {@code address}; true when there was one. */
    public synchronized boolean remove(Address address) throws IOException {
        Map<ServiceProvider, Optional<Instant>> next = new LinkedHashMap<>(entries());
        boolean removed = next.keySet().removeIf(p -> p.iotaAddress().equals(address));
        if (removed) save(next);
        return removed;
    }

    public synchronized void clear() throws IOException {
        save(Map.of());
    }

    private void save(Map<ServiceProvider, Optional<Instant>> providers) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        providers.forEach((p, expires) -> {
            ObjectNode n = p.toNode();
            expires.ifPresent(e -> n.put(EXPIRES, e.toEpochMilli()));
            a.add(n);
        });
        AtomicFile.write(file, JSON.writeValueAsBytes(a), false);
    }
}
