package org.iotahome.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The packaged My Home on a free port, with its own data directory, against a node. */
final class MyHomeProcess implements AutoCloseable {

    final String url;
    final int port;
    private final ServiceProcess process;
    private final Path dir;
    private final String nodeUrl;

    private MyHomeProcess(ServiceProcess process, int port, Path dir, String nodeUrl) {
        this.process = process;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
        this.dir = dir;
        this.nodeUrl = nodeUrl;
    }

    static MyHomeProcess start(Path dir, String nodeUrl) throws Exception {
        return start(dir, nodeUrl, 0);
    }

    /** On {@code port} (0: a free one). */
    static MyHomeProcess start(Path dir, String nodeUrl, int port) throws Exception {
        Path data = Files.createDirectories(dir.resolve("home-data"));
        ServiceProcess p = ServiceProcess.start("home", "iotahome.home.jar", Map.of("IOTA_PROVIDER", nodeUrl,
                        "IOTA_MIN_WEIGHT_MAGNITUDE", String.valueOf(TangleNode.MWM), "IOTAHOME_DATA", data.toString(),
                        "HOME_MAILBOX_POLL", "200ms", "HOME_PAIRING_GRACE", "5s"),
                List.of("-Dquarkus.http.port=" + port), dir.resolve("home-" + System.nanoTime() + ".log"));
        String bound = p.await(Pattern.compile("Listening on: http://[^:]+:(\\d+)"), Duration.ofSeconds(60)).group(1);
        return new MyHomeProcess(p, Integer.parseInt(bound), dir, nodeUrl);
    }

    /** Stops My Home and starts it again on the same port and data. */
    MyHomeProcess restart() throws Exception {
        close();
        return start(dir, nodeUrl, port);
    }

    String log() throws java.io.IOException {
        return process.log();
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
