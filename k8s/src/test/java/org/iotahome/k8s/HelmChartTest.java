package org.iotahome.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart (issue 15, item 4): lint and render for the default values and the production-like
 * {@code values-production.yaml}; every manifest valid against the Kubernetes schemas; what an
 * operator relies on is in the manifests; bad values are refused with a message.
 */
class HelmChartTest {

    private static final String PRODUCTION = ChartTools.MODULE.resolve("values-production.yaml").toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChartTools tools;

    @BeforeAll
    static void tools() throws Exception {
        tools = ChartTools.install();
    }

    @Test
    void lintsCleanForBothValueSets() throws Exception {
        assertThat(tools.helm("lint", "--strict", ChartTools.CHART.toString()).ok().out()).contains("0 chart(s) failed");
        assertThat(tools.helm("lint", "--strict", ChartTools.CHART.toString(), "-f", PRODUCTION).ok().out()).contains("0 chart(s) failed");
    }

    @Test
    void defaultValuesRenderValidManifestsForEveryRole() throws Exception {
        List<JsonNode> manifests = renderAndValidate();
        assertThat(kinds(manifests)).containsExactlyInAnyOrder("PodDisruptionBudget", "Secret", "Secret", "PersistentVolumeClaim",
                "Service", "Service", "Service", "Deployment", "Deployment", "StatefulSet", "Ingress");
        JsonNode node = one(manifests, "StatefulSet", "iotahome-tangle-node");
        assertThat(node.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
        JsonNode provider = one(manifests, "Deployment", "iotahome-provider");
        assertThat(provider.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(env(provider, "QUARKUS_PROFILE")).as("one replica: the topics stay in its JVM").isNull();
        assertThat(env(provider, "MY_HOME_URL").path("value").asText()).isEqualTo("http://home.iotahome.local");
        // Generated secrets: present, random, never the empty string.
        JsonNode secret = one(manifests, "Secret", "iotahome-secrets");
        assertThat(secret.at("/data/provider-staff-password").asText()).hasSizeGreaterThan(40);
        assertThat(secret.at("/data/home-session-key").asText()).isNotEqualTo(secret.at("/data/provider-session-key").asText());
    }

    @Test
    void productionValuesScaleTheProviderOnKafkaWithSharedIdentityAndTls() throws Exception {
        List<JsonNode> manifests = renderAndValidate("-f", PRODUCTION);
        assertThat(kinds(manifests)).as("the Secrets are the operator's").doesNotContain("Secret");
        JsonNode provider = one(manifests, "Deployment", "iotahome-provider");
        assertThat(provider.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(env(provider, "QUARKUS_PROFILE").path("value").asText()).isEqualTo("kafka");
        assertThat(env(provider, "KAFKA_BOOTSTRAP_SERVERS").path("value").asText()).startsWith("kafka-0.");
        assertThat(env(provider, "SEED").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("iotahome-identity");
        assertThat(env(provider, "PROVIDER_ENVELOPE_KEY_FILE").path("value").asText()).isEqualTo("/etc/iotahome/provider/envelope.key");
        assertThat(provider.at("/spec/template/spec/volumes").findValuesAsText("secretName")).contains("iotahome-identity");
        assertThat(env(provider, "MY_HOME_URL").path("value").asText()).isEqualTo("https://home.example.org");
        assertThat(env(provider, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("iotahome-database");
        assertThat(one(manifests, "StatefulSet", "iotahome-tangle-node").toString()).contains("\"IOTA_MIN_WEIGHT_MAGNITUDE\"", "\"14\"");
        assertThat(one(manifests, "Ingress", "iotahome").at("/spec/tls/0/hosts").toString()).contains("insights.example.org");
        assertThat(one(manifests, "PodDisruptionBudget", "iotahome-provider").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void everyPodRunsAsNonRootWithProbesFromQuarkusHealthAndResources() throws Exception {
        for (String[] values : new String[][] {{}, {"-f", PRODUCTION}}) {
            for (JsonNode workload : renderAndValidate(values)) {
                if (!List.of("Deployment", "StatefulSet").contains(workload.path("kind").asText())) continue;
                String name = workload.at("/metadata/name").asText();
                JsonNode pod = workload.at("/spec/template/spec");
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
                assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isPositive();
                for (JsonNode c : pod.path("containers")) {
                    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                    assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean()).as(name).isFalse();
                    assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(name).isEqualTo("/q/health/ready");
                    assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(name).isEqualTo("/q/health/live");
                    assertThat(c.at("/resources/requests/memory").asText()).as(name).isNotEmpty();
                    assertThat(c.at("/resources/limits/memory").asText()).as(name).isNotEmpty();
                    assertThat(c.toString()).as(name + ": no secret value inline").doesNotContain("PASSWORD\",\"value\"");
                }
            }
        }
    }

    @Test
    void badValuesAreRefusedWithAMessage() throws Exception {
        ChartTools.Run scaledAlone = tools.template("--set", "provider.replicas=2");
        assertThat(scaledAlone.exit()).isNotZero();
        assertThat(scaledAlone.err()).contains("needs kafka.bootstrapServers");
        ChartTools.Run noIdentity = tools.template("--set", "provider.replicas=2", "--set", "kafka.bootstrapServers=k:9092");
        assertThat(noIdentity.exit()).isNotZero();
        assertThat(noIdentity.err()).contains("secrets.providerSeed and secrets.providerEnvelopeKey");
        ChartTools.Run badSeed = tools.template("--set", "secrets.providerSeed=notaseed");
        assertThat(badSeed.exit()).isNotZero();
        assertThat(badSeed.err()).contains("providerSeed");
        ChartTools.Run badReplicas = tools.template("--set", "provider.replicas=0");
        assertThat(badReplicas.exit()).isNotZero();
        assertThat(badReplicas.err()).contains("replicas");
        ChartTools.Run unknown = tools.template("--set", "provider.replica=2");
        assertThat(unknown.exit()).as("a misspelt value is an error, not ignored").isNotZero();
    }

    @Test
    void theValidatorRefusesAnInvalidManifest() throws Exception {
        ChartTools.Run r = tools.validate("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: three, selector: {}, "
                + "template: {spec: {containers: [{name: a}]}}}\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"valid\":false").contains("replicas must be integer");
    }

    private static List<JsonNode> renderAndValidate(String... values) throws Exception {
        String rendered = tools.template(values).ok().out();
        ChartTools.Run validation = tools.validate(rendered);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : validation.out().split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        assertThat(lines).as("validate.mjs: %s", validation.err()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("valid").asBoolean()).as(l.toString()).isTrue());
        assertThat(validation.exit()).isZero();
        List<JsonNode> manifests = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(rendered)) {
            YAMLMapper yaml = new YAMLMapper();
            for (JsonNode doc : (Iterable<JsonNode>) () -> {
                try {
                    return yaml.readValues(parser, JsonNode.class);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }) if (doc != null && !doc.isEmpty()) manifests.add(doc);
        }
        assertThat(manifests).hasSize(lines.size());
        return manifests;
    }

    private static List<String> kinds(List<JsonNode> manifests) {
        return manifests.stream().map(m -> m.path("kind").asText()).toList();
    }

    private static JsonNode one(List<JsonNode> manifests, String kind, String name) {
        List<JsonNode> found = manifests.stream()
                .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name)).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    /** The container's env entry {@code name}, or null. */
    private static JsonNode env(JsonNode workload, String name) {
        ArrayNode env = (ArrayNode) workload.at("/spec/template/spec/containers/0/env");
        return StreamSupport.stream(env.spliterator(), false).filter(e -> e.path("name").asText().equals(name)).findFirst().orElse(null);
    }
}
