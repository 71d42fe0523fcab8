package org.iotahome.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The packaged tangle node on a free port with its own data directory. */
final class TangleNode implements AutoCloseable {

    static final int MWM = 9;

    final String url;
    private final ServiceProcess process;
    private final Path dir;

    private TangleNode(ServiceProcess process, String url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    static TangleNode start() throws Exception {
        Path dir = Files.createTempDirectory("iotahome-e2e-node");
        ServiceProcess p = ServiceProcess.start("tangle-node", "iotahome.node.jar", Map.of(),
                List.of("-Dtangle.port=0", "-Dtangle.data-dir=" + dir, "-Dtangle.min-weight-magnitude=" + MWM), dir.resolve("node.log"));
        String port = p.await(Pattern.compile("Listening on: http://[^:]+:(\\d+)"), Duration.ofSeconds(60)).group(1);
        return new TangleNode(p, "http://127.0.0.1:" + port, dir);
    }

    @Override
    public void close() throws Exception {
        process.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
