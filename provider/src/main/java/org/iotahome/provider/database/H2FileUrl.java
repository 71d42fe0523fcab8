package org.iotahome.provider.database;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * The default JDBC URL is an H2 file under the data directory, and {@code IOTAHOME_DATA} may be
 * relative ({@code data/provider}); H2 refuses a path "implicitly relative to the working
 * directory", so such a path is made explicitly relative ({@code ./data/provider}). Any other URL
 * passes unchanged.
 */
public final class H2FileUrl implements ConfigSourceInterceptor {

    static final String PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String PREFIX = "jdbc:h2:file:";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || !PROPERTY.equals(name) || value.getValue() == null) return value;
        return value.withValue(explicit(value.getValue()));
    }

    static String explicit(String url) {
        if (!url.startsWith(PREFIX)) return url;
        String path = url.substring(PREFIX.length());
        boolean explicit = path.startsWith("/") || path.startsWith("./") || path.startsWith("../") || path.startsWith("~")
                || path.matches("^[A-Za-z]:.*");
        return explicit ? url : PREFIX + "./" + path;
    }
}
