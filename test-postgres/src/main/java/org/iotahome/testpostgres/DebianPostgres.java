package org.iotahome.testpostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link PostgresServer} as a Quarkus test resource: the datasource of the test's application
 * points at it. Args (optional): {@code database}, {@code user}; both default to {@code iotahome}.
 */
public class DebianPostgres implements QuarkusTestResourceLifecycleManager {

    private String database = "iotahome";
    private String user = "iotahome";
    private PostgresServer server;

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", database);
        user = args.getOrDefault("user", user);
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start(database, user);
        return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(), "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (server != null)
            server.close();
    }
}
