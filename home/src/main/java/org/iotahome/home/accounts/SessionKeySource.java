package org.iotahome.home.accounts;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.iotahome.protocol.storage.RandomSecretFile;

/**
 * The key that encrypts form-login session cookies, kept in {@code <data dir>/session.key} (made
 * once from a secure random source, owner-only), so a restart does not sign everyone out. Below
 * application.properties and the environment, so {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}
 * still wins. The data directory is read from {@code IOTAHOME_DATA} as application.properties does.
 */
public final class SessionKeySource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String FILE = "session.key";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) return null;
        String dir = System.getProperty("home.data-dir", System.getenv().getOrDefault("IOTAHOME_DATA", "data/home"));
        return loadOrCreate(Path.of(dir).resolve(FILE));
    }

    static String loadOrCreate(Path file) {
        return RandomSecretFile.loadOrCreate(file, 32, new SecureRandom());
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
