package org.iotahome.testpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: Debian's {@code postgresql} package (installed by
 * {@code ./iotahome test}), a fresh cluster in a temporary directory on a free port, trusting
 * local connections, removed on {@link #close()}. A missing server is an error, never a skip: a
 * contract is only checked if it runs.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String database;
    private final String user;

    private PostgresServer(Path bin, Path dir, int port, String database, String user) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.database = database;
        this.user = user;
    }

    /** Starts a new cluster owned by {@code user} with one empty {@code database}; blocks until it accepts connections. */
    public static PostgresServer start(String database, String user) {
        try {
            Path bin = findBin();
            Path dir = Files.createTempDirectory("test-pg");
            Path data = dir.resolve("data");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, port, database, user);
            boolean root = runningAsRoot();
            if (root) // initdb refuses to run as root: the cluster belongs to the postgres user.
                run(List.of("chown", "-R", "postgres", dir.toString()), false);
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync"),
                    root);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), root);
            run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user, database), root);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    /** Stops the server at once (nothing in it is kept) and removes its directory. */
    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"),
                    runningAsRoot());
        } catch (RuntimeException | IOException e) {
            // the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
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
