package org.iotahome.provider.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.iotahome.protocol.tangle.IriClient;

/** Readiness: the node answers getNodeInfo. Without it nothing can be followed. */
@Readiness
@ApplicationScoped
public class NodeHealth implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    IriClient node;

    @Override
    public HealthCheckResponse call() {
        try {
            var info = node.call(JsonNodeFactory.instance.objectNode().put("command", "getNodeInfo")).await().atMost(TIMEOUT);
            return HealthCheckResponse.named("node").up().withData("url", node.node().toString())
                    .withData("appName", info.path("appName").asText("")).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("node").down().withData("url", node.node().toString())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
