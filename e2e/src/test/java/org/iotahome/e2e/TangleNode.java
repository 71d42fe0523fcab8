package org.iotahome.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The packaged tangle node on a free port with its own data directory; restartable on both. */
final class TangleNode implements AutoCloseable {

    static final int MWM = 9;

    final String url;
    private final int port;
    private ServiceProcess process;
    private final Path dir;

    private TangleNode(ServiceProcess process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
        this.dir = dir;
    }

    static TangleNode start() throws Exception {
        Path dir = Files.createTempDirectory("iotahome-e2e-node");
        ServiceProcess p = launch(dir, 0);
        return new TangleNode(p, boundPort(p), dir);
    }

    /** Stops the node and starts it again on the same port and store, as an operator's restart does. */
    void restart() throws Exception {
        process.close();
        process = launch(dir, port);
        boundPort(process);
    }

    private static ServiceProcess launch(Path dir, int port) throws java.io.IOException {
        return ServiceProcess.start("tangle-node", "iotahome.node.jar", Map.of(),
                List.of("-Dtangle.port=" + port, "-Dtangle.data-dir=" + dir, "-Dtangle.min-weight-magnitude=" + MWM),
                dir.resolve("node-" + System.nanoTime() + ".log"));
    }

    private static int boundPort(ServiceProcess p) throws Exception {
        return Integer.parseInt(p.await(Pattern.compile("Listening on: http://[^:]+:(\\d+)"), Duration.ofSeconds(60)).group(1));
    }

    @Override
    public void close() throws Exception {
        process.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
