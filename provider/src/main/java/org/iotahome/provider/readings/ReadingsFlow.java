package org.iotahome.provider.readings;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.inbox.Inbox;
import org.jboss.logging.Logger;

/**
 * The provider's flows as in-memory channels (ARCHITECTURE.md "Flows"): {@code grants} carries the
 * active grants kept from earlier runs, then each new one from the {@link Inbox}; {@code readings}
 * the outcomes of following each grant's device channel, all followed at once.
 */
@ApplicationScoped
public class ReadingsFlow {

    private static final Logger LOG = Logger.getLogger(ReadingsFlow.class);
    /** Device channels followed at once at most; more wait until one is revoked. */
    private static final int MAX_FOLLOWED = 1024;

    @Inject
    Inbox inbox;

    @Inject
    GrantStore store;

    @Inject
    GrantFollower follower;

    @Outgoing("grants")
    Multi<Grant> grants() {
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().deferred(() -> Multi.createFrom().iterable(store.all().stream().filter(Grant::active).toList())),
                inbox.grants());
    }

    @Incoming("grants")
    @Outgoing("readings")
    Multi<Outcome> follow(Multi<Grant> grants) {
        return grants.onItem().transformToMulti(follower::follow).merge(MAX_FOLLOWED);
    }

    @Incoming("readings")
    void done(Outcome outcome) {
        LOG.debugf("device channel message handled: %s", outcome);
    }
}
