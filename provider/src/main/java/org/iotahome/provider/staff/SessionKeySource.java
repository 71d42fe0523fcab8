package org.iotahome.provider.staff;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.iotahome.protocol.storage.RandomSecretFile;

/**
 * The key that encrypts the staff's session cookies, kept in {@code <data dir>/session.key}, so a
 * restart does not sign the staff out and Quarkus never makes (and logs) a temporary one. Below the
 * environment, so {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} (one key for all replicas, the
 * Helm chart's) still wins. The data directory is read from {@code IOTAHOME_DATA} as application.properties does.
 */
public final class SessionKeySource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) return null;
        String dir = System.getProperty("provider.data-dir", System.getenv().getOrDefault("IOTAHOME_DATA", "data/provider"));
        return RandomSecretFile.loadOrCreate(Path.of(dir).resolve("session.key"), 32, new SecureRandom());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    @Override
    public String getName() {
        return "iotahome provider session key file";
    }
}
