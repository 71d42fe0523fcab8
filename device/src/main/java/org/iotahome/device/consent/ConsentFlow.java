package org.iotahome.device.consent;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * The consent flow as an in-memory channel (ARCHITECTURE.md "Flows"): the {@link ConsentFollower}'s
 * outcomes feed {@code consent}; the processor has acted by the time an outcome is emitted, so the
 * sink only keeps the log.
 */
@ApplicationScoped
public class ConsentFlow {

    private static final Logger LOG = Logger.getLogger(ConsentFlow.class);

    @Inject
    ConsentFollower follower;

    @Outgoing("consent")
    Multi<ConsentProcessor.Outcome> outcomes() {
        return follower.outcomes();
    }

    @Incoming("consent")
    void done(ConsentProcessor.Outcome outcome) {
        LOG.debugf("consent message handled: %s", outcome);
    }
}
