package org.iotahome.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 3: the three images build without a Docker daemon, each runs as a non-root user
 * and takes its settings from the environment. With no container runtime here, the node's image is
 * run for real from its own root file system (its layers unpacked, chroot as uid 185): it must
 * answer its readiness probe on the port given in the environment and write its store as that user.
 */
class ImagesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OUT = Path.of("target", "images").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Path> tarballs;

    @BeforeAll
    static void build() throws Exception {
        tarballs = BuildImages.build(ROOT, OUT);
    }

    @Test
    void eachImageRunsTheRoleAsUid185WithSettingsFromTheEnvironment() throws Exception {
        assertThat(tarballs).extracting(p -> p.getFileName().toString()).containsExactly("tangle-node.tar", "home.tar", "provider.tar");
        for (ServiceImage role : BuildImages.roles(ROOT)) {
            Path dir = unpack(OUT.resolve(role.name() + ".tar"), Files.createTempDirectory("image-" + role.name()));
            JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
            assertThat(manifest.at("/RepoTags/0").asText()).isEqualTo("iotahome/" + role.name() + ":" + BuildImages.TAG);
            JsonNode config = JSON.readTree(dir.resolve(manifest.get("Config").asText()).toFile()).get("config");
            assertThat(config.get("User").asText()).isEqualTo("185");
            List<String> entrypoint = new ArrayList<>();
            config.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
            assertThat(entrypoint).startsWith("/opt/java/bin/java").endsWith("-jar", "/deployments/quarkus-run.jar");
            assertThat(config.get("ExposedPorts").fieldNames().next()).isEqualTo(role.port() + "/tcp");
            List<String> env = new ArrayList<>();
            config.get("Env").forEach(e -> env.add(e.asText()));
            assertThat(env).contains("IOTAHOME_DATA=" + role.env().get("IOTAHOME_DATA"), "LD_LIBRARY_PATH=/opt/java/lib");
            assertThat(String.join(" ", env)).as("no secret is baked in").doesNotContain("SEED=", "PASSWORD=", "KEY=");
            // base, libraries, quarkus, application
            assertThat(manifest.get("Layers")).hasSize(4);
        }
    }

    @Test
    void homeAndProviderAreTheirPostgresqlBuilds() throws Exception {
        for (String role : List.of("home", "provider")) {
            try (var libs = Files.list(ROOT.resolve(role + "/target/postgresql/lib/main"))) {
                assertThat(libs.map(p -> p.getFileName().toString())).as(role).anyMatch(f -> f.startsWith("org.postgresql.postgresql"));
            }
        }
    }

    @Test
    void theNodeImageStartsAsUid185AndAnswersItsProbeOnThePortFromTheEnvironment(@TempDir Path tmp) throws Exception {
        String uid = Commands.run(tmp, List.of("id", "-u")).trim();
        if (!uid.equals("0"))
            throw new IllegalStateException("running the image's root file system needs chroot, so root (CI runs as root); uid is " + uid);
        Path image = unpack(OUT.resolve("tangle-node.tar"), tmp.resolve("image"));
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers"))
            Commands.run(tmp, List.of("tar", "-xf", image.resolve(layer.asText()).toString(), "-C", rootfs.toString()));
        JsonNode config = JSON.readTree(image.resolve(manifest.get("Config").asText()).toFile()).get("config");
        Map<String, String> env = new HashMap<>();
        config.get("Env").forEach(e -> env.put(e.asText().substring(0, e.asText().indexOf('=')), e.asText().substring(e.asText().indexOf('=') + 1)));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        env.put("TANGLE_PORT", String.valueOf(port));
        Files.createDirectories(rootfs.resolve("proc"));
        // A container runtime would mount /proc; where mounting is not allowed the JVM starts without it.
        boolean procMounted;
        try {
            Commands.run(tmp, List.of("mount", "--bind", "/proc", rootfs.resolve("proc").toString()));
            procMounted = true;
        } catch (java.io.IOException refused) {
            System.err.println("ImagesTest: /proc not mounted in the image's root (" + refused.getMessage().lines().findFirst().orElse("") + ")");
            procMounted = false;
        }
        Process node = null;
        try {
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + config.get("User").asText() + ":" + BaseImage.UID,
                    rootfs.toString()));
            config.get("Entrypoint").forEach(e -> command.add(e.asText()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("node.log").toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            node = pb.start();
            HttpClient http = HttpClient.newHttpClient();
            String ready = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ready == null && System.nanoTime() < deadline && node.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) ready = r.body();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertThat(ready).as("the node's log:\n%s", Files.exists(tmp.resolve("node.log")) ? Files.readString(tmp.resolve("node.log")) : "")
                    .isNotNull().contains("\"UP\"").contains("transaction store");
            Path store = rootfs.resolve("var/lib/iotahome/node");
            assertThat(store).isDirectory();
            assertThat(Files.getAttribute(store, "unix:uid")).as("the store is written as the image's user").isEqualTo(BaseImage.UID);
        } finally {
            if (node != null) {
                node.destroy();
                if (!node.waitFor(20, TimeUnit.SECONDS)) node.destroyForcibly().waitFor();
            }
            if (procMounted) Commands.run(tmp, List.of("umount", rootfs.resolve("proc").toString()));
        }
    }

    private static Path unpack(Path tarball, Path into) throws Exception {
        Files.createDirectories(into);
        Commands.run(into, List.of("tar", "-xf", tarball.toString(), "-C", into.toString()));
        return into;
    }
}
