package org.iotahome.provider.readings;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.inbox.Inbox;
import org.iotahome.provider.consent.ConsentWatch;
import org.iotahome.provider.consent.GrantConfirmation;
import org.jboss.logging.Logger;

/**
 * The provider's flows as in-memory channels (ARCHITECTURE.md "Flows"): {@code grants} carries the
 * confirmed grants kept from earlier runs, then each grant the {@link Inbox} receives once its
 * consent channel confirms it (PROTOCOL.md §7; unconfirmed ones expire); {@code readings} the
 * outcomes of following each grant's device channel and its consent channel, all at once.
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

    @Inject
    ConsentWatch consent;

    @Inject
    GrantConfirmation confirmation;

    @Outgoing("grants")
    Multi<Grant> grants() {
        Multi<Grant> kept = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(store.withStatus(Grant.Status.ACTIVE)));
        Multi<Grant> unconfirmed = Multi.createBy().concatenating().streams(
                Multi.createFrom().deferred(() -> Multi.createFrom().iterable(store.withStatus(Grant.Status.PENDING))),
                inbox.grants());
        return Multi.createBy().merging().streams(kept, unconfirmed.onItem().transformToMulti(confirmation::confirm)
                .merge(confirmation.maxChecked()));
    }

    @Incoming("grants")
    @Outgoing("readings")
    Multi<Outcome> follow(Multi<Grant> grants) {
        return grants.onItem().transformToMulti(g -> Multi.createBy().merging().streams(follower.follow(g), consent.watch(g)))
                .merge(MAX_FOLLOWED);
    }

    @Incoming("readings")
    void done(Outcome outcome) {
        LOG.debugf("message handled: %s", outcome);
    }
}
