package org.iotahome.protocol.tangle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy IRI JSON-over-HTTP commands of PROTOCOL.md §2, one method each, asynchronous on
 * {@link HttpClient}. A 4xx answer fails with {@link NodeRefusedException}; no answer, a 5xx or
 * an unreadable body fails with {@link NodeUnavailableException} (worth retrying).
 */
public final class IriClient {

    /** IRI answers at most this many trytes per getTrytes; larger lists go in batches. */
    private static final int GET_TRYTES_BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI node;
    private final HttpClient http;
    private final Duration timeout;

    public IriClient(URI node, HttpClient http, Duration timeout) {
        this.node = node;
        this.http = http;
        this.timeout = timeout;
    }

    public static IriClient of(String nodeUrl) {
        return new IriClient(URI.create(nodeUrl), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofMinutes(2));
    }

    public URI node() {
        return node;
    }

    public record Tips(String trunkTransaction, String branchTransaction) {}

    public Uni<Tips> transactionsToApprove(int depth) {
        return call(command("getTransactionsToApprove").put("depth", depth))
                .map(r -> new Tips(text(r, "trunkTransaction"), text(r, "branchTransaction")));
    }

    /** attachToTangle: {@code trytes} last index first; the answer lists them tail first. */
    public Uni<List<String>> attachToTangle(Tips tips, int minWeightMagnitude, List<String> trytes) {
        ObjectNode req = command("attachToTangle").put("trunkTransaction", tips.trunkTransaction())
                .put("branchTransaction", tips.branchTransaction()).put("minWeightMagnitude", minWeightMagnitude);
        req.set("trytes", array(trytes));
        return call(req).map(r -> strings(r, "trytes"));
    }

    public Uni<Void> storeTransactions(List<String> trytes) {
        return call(command("storeTransactions").set("trytes", array(trytes))).replaceWithVoid();
    }

    public Uni<Void> broadcastTransactions(List<String> trytes) {
        return call(command("broadcastTransactions").set("trytes", array(trytes))).replaceWithVoid();
    }

    public Uni<List<String>> findTransactionsByAddress(String address) {
        return call(command("findTransactions").set("addresses", array(List.of(address)))).map(r -> strings(r, "hashes"));
    }

    public Uni<List<String>> getTrytes(List<String> hashes) {
        if (hashes.isEmpty()) return Uni.createFrom().item(List.of());
        List<Uni<List<String>>> batches = new ArrayList<>();
        for (int from = 0; from < hashes.size(); from += GET_TRYTES_BATCH) {
            List<String> batch = hashes.subList(from, Math.min(hashes.size(), from + GET_TRYTES_BATCH));
            batches.add(call(command("getTrytes").set("hashes", array(batch))).map(r -> strings(r, "trytes")));
        }
        return Uni.join().all(batches).andFailFast().map(lists -> {
            List<String> all = new ArrayList<>(hashes.size());
            lists.forEach(all::addAll);
            return all;
        });
    }

    /** Posts one command; the parsed answer, or a failure that says which command and why. */
    public Uni<JsonNode> call(ObjectNode request) {
        String name = request.path("command").asText();
        HttpRequest http;
        try {
            http = HttpRequest.newBuilder(node).timeout(timeout)
                    .header("Content-Type", "application/json").header("X-IOTA-API-Version", "1")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request is not serializable: " + e.getMessage(), e);
        }
        return Uni.createFrom().completionStage(() -> this.http.sendAsync(http, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> e instanceof TangleException ? e
                        : new NodeUnavailableException("node " + node + " did not answer " + name + ": " + e, e))
                .map(response -> answer(name, response));
    }

    private JsonNode answer(String name, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        String error = body != null && body.hasNonNull("error") ? body.get("error").asText()
                : body != null && body.hasNonNull("exception") ? body.get("exception").asText() : null;
        int status = response.statusCode();
        if (status >= 400 && status < 500)
            throw new NodeRefusedException(status, name, error != null ? error : response.body());
        if (status >= 500 || body == null || !body.isObject())
            throw new NodeUnavailableException("node " + node + " answered " + name + " with HTTP " + status + ": "
                    + (error != null ? error : abbreviate(response.body())), null);
        if (error != null) throw new NodeRefusedException(status, name, error);
        return body;
    }

    private static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual())
            throw new NodeUnavailableException("node " + node + " answered without the string field " + field, null);
        return v.asText();
    }

    private List<String> strings(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || !v.isArray())
            throw new NodeUnavailableException("node " + node + " answered without the array field " + field, null);
        List<String> out = new ArrayList<>(v.size());
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
