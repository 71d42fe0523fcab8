package org.iotahome.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged tangle-node as a child process on a free loopback port, for benches that need a real node. */
final class NodeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final String NODE_JAR = "tangle-node/target/quarkus-app/quarkus-run.jar";

    private final Process process;
    private final String url;

    private NodeProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a node on {@code data} that accepts proof of work from {@code minWeightMagnitude}; waits until it listens. */
    static NodeProcess start(Path data, int minWeightMagnitude) throws Exception {
        if (!Files.exists(Path.of(NODE_JAR))) throw new IllegalStateException("build the node first: " + NODE_JAR + " is missing");
        Process node = new ProcessBuilder("java", "--add-modules", "jdk.incubator.vector", "-Dtangle.port=0",
                "-Dtangle.data-dir=" + data, "-Dtangle.min-weight-magnitude=" + minWeightMagnitude, "-jar", NODE_JAR)
                .redirectErrorStream(true).start();
        try {
            return new NodeProcess(node, "http://127.0.0.1:" + port(node) + "/");
        } catch (Exception e) {
            node.destroyForcibly();
            throw e;
        }
    }

    String url() {
        return url;
    }

    private static int port(Process node) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the node exited before listening"));
        }, "node-log");
        reader.setDaemon(true);
        reader.start();
        return port.get(120, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
