package org.iotahome.provider.health;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The followers' status, shared by the followers, health and metrics. */
@ApplicationScoped
public class HealthBeans {

    @Produces
    @Singleton
    FollowerStatus followerStatus(MeterRegistry metrics) {
        return new FollowerStatus(Clock.systemUTC(), metrics);
    }
}
