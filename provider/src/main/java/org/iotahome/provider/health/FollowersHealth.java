package org.iotahome.provider.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.provider.readings.ReadingsFlow;

/**
 * The followed channels in readiness: how many, which are failing and why, which are behind. One
 * household's fault must not take the instance out of service, so these are reported, not DOWN.
 */
@Readiness
@ApplicationScoped
public class FollowersHealth implements HealthCheck {

    private static final int LISTED = 10;

    @Inject
    FollowerStatus status;

    @Inject
    ProviderConfig config;

    @Inject
    ReadingsFlow flow;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("followers").up().withData("followed", status.followed());
        var failing = status.failing(LISTED);
        r.withData("failing", failing.size());
        failing.forEach(s -> r.withData("failing " + s.channel().substring(0, 12), s.failure()));
        // Behind: no good read for several poll intervals plus the longest backoff.
        var behind = status.behind(config.readingsPoll().multipliedBy(5).plus(config.retryMax()), LISTED);
        r.withData("behind", behind.size());
        behind.forEach(s -> r.withData("behind " + s.channel().substring(0, 12), "last read at " + java.time.Instant.ofEpochMilli(s.lastReadMillis())));
        // The database itself has its own check (Agroal's); this says whether readings are being stored.
        String storeFailure = flow.storeFailure();
        r.withData("readings store", storeFailure == null ? "storing" : "retrying: " + storeFailure);
        return r.build();
    }
}
