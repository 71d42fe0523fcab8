package org.iotahome.node.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.iotahome.node.store.TransactionStore;

/** Ready while the transaction store answers (a Kubernetes readiness probe, k8s/iotahome). */
@Readiness
@ApplicationScoped
public class StoreHealth implements HealthCheck {

    private final TransactionStore store;

    StoreHealth(TransactionStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("transaction store").up().withData("transactions", store.size()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("transaction store").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
