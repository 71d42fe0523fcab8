package org.iotahome.home.store;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the store contract: Debian's {@code postgresql} package (installed by
 * {@code ./iotahome test}), a fresh cluster in a temporary directory on a free port, removed afterwards.
 * A missing server fails the test rather than skipping it: the contract is only checked if it runs.
 */
public class DebianPostgres implements QuarkusTestResourceLifecycleManager {

    private Path dir;
    private Path bin;

    @Override
    public Map<String, String> start() {
        try {
            bin = findBin();
            dir = Files.createTempDirectory("home-pg");
            Path data = dir.resolve("data");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) // initdb refuses to run as root: the cluster belongs to the postgres user.
                run(List.of("chown", "-R", "postgres", dir.toString()), false);
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "home", "--auth=trust",
                    "-E", "UTF8", "--no-sync"), root);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), root);
            run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "home", "home"), root);
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/home",
                    "quarkus.datasource.username", "home", "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (dir == null)
            return;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"),
                    "root".equals(System.getProperty("user.name")));
        } catch (RuntimeException | IOException e) {
            // the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findBin() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib))
            throw new IllegalStateException("PostgreSQL not found in /usr/lib/postgresql: install Debian's postgresql (./iotahome test does)");
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres)
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IllegalStateException(String.join(" ", full) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full));
        }
    }
}
