package org.iotahome.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process, Kafka 4.1.2 from
 * Maven Central) on free loopback ports, its log directory in {@code dir}: formatted, started as a
 * child process, and ready once it says so. No Docker.
 */
final class KafkaBroker implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private KafkaBroker(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static KafkaBroker start(Path dir, int partitions) throws Exception {
        int port = FreePort.pick();
        int controller = FreePort.pick();
        Path config = dir.resolve("server.properties");
        Files.createDirectories(dir);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=" + partitions,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true") + "\n", StandardCharsets.UTF_8);
        Path log = dir.resolve("kafka.log");
        int formatted = java(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), log)
                .waitFor();
        if (formatted != 0) throw new IllegalStateException("formatting Kafka's storage failed:\n" + Files.readString(log));
        KafkaBroker broker = new KafkaBroker(java(List.of("kafka.Kafka", config.toString()), log), log, port);
        broker.awaitStarted(Duration.ofSeconds(60));
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Ready when the broker describes its cluster (its log goes to the class path's logging, which may say nothing). */
    private void awaitStarted(Duration wait) throws IOException, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size() == 1) return;
                } catch (ExecutionException | TimeoutException e) {
                    // not yet listening
                }
                if (!process.isAlive() || System.nanoTime() > end)
                    throw new IllegalStateException("Kafka did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
                Thread.sleep(200);
            }
        }
    }

    /** Kafka's own classes from this test's class path (kafka_2.13 is a test dependency), in a JVM of their own. */
    private static Process java(List<String> mainAndArgs, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
