package org.iotahome.device.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The health side's beans: the only place they are made. */
@ApplicationScoped
public class HealthBeans {

    @Produces
    @Singleton
    StreamHealth streamHealth(Clock clock) {
        return new StreamHealth(clock);
    }

    @Produces
    @Singleton
    NodeStatus nodeStatus(Clock clock) {
        return new NodeStatus(clock);
    }
}
