package org.iotahome.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.iotahome.protocol.storage.RandomSecretFile;

/**
 * The key that encrypts form-login session cookies, kept in {@code <data dir>/session.key} (made
 * once from a secure random source, owner-only), so a restart does not sign everyone out and
 * Quarkus never makes (and logs) a temporary one. Below application.properties and the
 * environment, so {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} (one key shared by replicas)
 * still wins. Each service registers a subclass naming where its data directory is set.
 */
public abstract class SessionKeyFileSource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    public static final String FILE = "session.key";

    private final String dataDirProperty;
    private final String defaultDataDir;

    /** The data directory: system property {@code dataDirProperty}, else {@code IOTAHOME_DATA}, else {@code defaultDataDir}. */
    protected SessionKeyFileSource(String dataDirProperty, String defaultDataDir) {
        this.dataDirProperty = dataDirProperty;
        this.defaultDataDir = defaultDataDir;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) return null;
        String dir = System.getProperty(dataDirProperty, System.getenv().getOrDefault("IOTAHOME_DATA", defaultDataDir));
        return RandomSecretFile.loadOrCreate(Path.of(dir).resolve(FILE), 32, new SecureRandom());
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
        return "iotahome session key file";
    }
}
