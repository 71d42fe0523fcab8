package org.iotahome.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.tangle.Address;

/**
 * The packaged provider on a free port with its own data directory, against a node; the staff
 * signed in through its real form login for the JSON API. Restartable on the same data.
 */
final class ProviderProcess implements AutoCloseable {

    static final String STAFF_PASSWORD = "e2e-staff-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final String url;
    private final ServiceProcess process;
    private final HttpClient staff;

    private ProviderProcess(String name, ServiceProcess process, String url) throws Exception {
        this.name = name;
        this.process = process;
        this.url = url;
        this.staff = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = staff.send(HttpRequest.newBuilder(URI.create(url + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=staff&j_password=" + URLEncoder.encode(STAFF_PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error"))
            throw new IllegalStateException(name + ": the staff login failed: " + login.statusCode() + " " + login.headers().map());
    }

    /** Starts (or restarts, on the same {@code dir}) provider {@code name}; {@code env} adds to or overrides the defaults. */
    static ProviderProcess start(String name, Path dir, String nodeUrl, Map<String, String> env) throws Exception {
        return start(name, "iotahome.provider.jar", dir, nodeUrl, env);
    }

    /** As {@link #start(String, Path, String, Map)}, from the build a system property names (e.g. the PostgreSQL one). */
    static ProviderProcess start(String name, String jarProperty, Path dir, String nodeUrl, Map<String, String> env) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name + "-data"));
        Map<String, String> all = new HashMap<>(Map.of("IOTA_PROVIDER", nodeUrl, "IOTA_MIN_WEIGHT_MAGNITUDE", String.valueOf(TangleNode.MWM),
                "IOTAHOME_DATA", data.toString(), "PROVIDER_INBOX_POLL", "300ms", "PROVIDER_READINGS_POLL", "300ms",
                "PROVIDER_STAFF_PASSWORD", STAFF_PASSWORD, "PROVIDER_NAME", "Provider " + name));
        all.putAll(env);
        // QUARKUS_HTTP_PORT in env keeps a provider on one port across restarts (its public URL); else a free one.
        ServiceProcess p = ServiceProcess.start("provider " + name, jarProperty, all,
                List.of("-Dquarkus.http.port=" + all.getOrDefault("QUARKUS_HTTP_PORT", "0"), "-Dprovider.retry-min=200ms",
                        "-Dprovider.retry-max=2s"),
                dir.resolve("provider-" + name + "-" + System.nanoTime() + ".log"));
        String port = p.await(Pattern.compile("Listening on: http://[^:]+:(\\d+)"), Duration.ofSeconds(90)).group(1);
        return new ProviderProcess(name, p, "http://127.0.0.1:" + port);
    }

    /** Who this provider is in a policy: its address and public key from {@code /api/identity}, its url. */
    ServiceProvider entry() throws Exception {
        JsonNode id = JSON.readTree(get("/api/identity"));
        return new ServiceProvider(URI.create(url + "/connected"), new Address(id.path("iotaAddress").asText()),
                EnvelopePublicKey.parse(id.path("publicKeyTrytes").asText()));
    }

    /** {@code /api/grants} as the staff sees it. */
    JsonNode grants() throws Exception {
        return JSON.readTree(get("/api/grants"));
    }

    /** The stored readings of a device channel, newest first. */
    JsonNode readings(String deviceRoot) throws Exception {
        return JSON.readTree(get("/api/readings?device=" + deviceRoot + "&limit=10000"));
    }

    /** Waits until an active grant holds at least {@code n} readings; gives its device channel's root. */
    String awaitReadings(long n) throws InterruptedException {
        return Inbox.await(() -> {
            try {
                for (JsonNode g : grants()) if (g.path("status").asText().equals("active") && g.path("readings").asLong() >= n)
                    return g.path("device").asText();
                return null;
            } catch (Exception e) {
                return null; // not answering yet: the next poll
            }
        }, Duration.ofSeconds(120), name + " holding " + n + " readings");
    }

    /** How many readings the grant of {@code root} gave (0 when there is no such grant). */
    long count(String root) throws Exception {
        for (JsonNode g : grants()) if (g.path("device").asText().equals(root)) return g.path("readings").asLong();
        return 0;
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = staff.send(HttpRequest.newBuilder(URI.create(url + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(name + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    String log() throws IOException {
        return process.log();
    }

    Path dataDir(Path dir) {
        return dir.resolve(name + "-data");
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
