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
    private final ServiceProcess process;

    private MyHomeProcess(ServiceProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    static MyHomeProcess start(Path dir, String nodeUrl) throws Exception {
        Path data = Files.createDirectories(dir.resolve("home-data"));
        ServiceProcess p = ServiceProcess.start("home", "iotahome.home.jar", Map.of("IOTA_PROVIDER", nodeUrl,
                        "IOTA_MIN_WEIGHT_MAGNITUDE", String.valueOf(TangleNode.MWM), "IOTAHOME_DATA", data.toString(),
                        "HOME_MAILBOX_POLL", "200ms", "HOME_PAIRING_GRACE", "5s"),
                List.of("-Dquarkus.http.port=0"), dir.resolve("home.log"));
        String port = p.await(Pattern.compile("Listening on: http://[^:]+:(\\d+)"), Duration.ofSeconds(60)).group(1);
        return new MyHomeProcess(p, "http://127.0.0.1:" + port);
    }

    String log() throws java.io.IOException {
        return process.log();
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
