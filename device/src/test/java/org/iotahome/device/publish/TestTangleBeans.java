package org.iotahome.device.publish;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.iotahome.protocol.tangle.InMemoryTangle;

/** In every @QuarkusTest the device publishes to a Tangle in memory, never to a node. */
@ApplicationScoped
public class TestTangleBeans {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    FlakyTangle tangle() {
        return new FlakyTangle(new InMemoryTangle(System::currentTimeMillis));
    }
}
