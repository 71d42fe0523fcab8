package org.iotahome.home.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.iotahome.protocol.tangle.InMemoryTangle;

/** In every @QuarkusTest My Home uses a Tangle in memory, never a node. */
@ApplicationScoped
public class TestTangleBeans {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    InMemoryTangle tangle() {
        return new InMemoryTangle(System::currentTimeMillis);
    }
}
