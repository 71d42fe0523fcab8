package org.iotahome.provider.inbox;

import io.smallrye.mutiny.Multi;
import java.util.concurrent.Executor;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.jboss.logging.Logger;

/**
 * The provider's mailbox (PROTOCOL.md §3): every MAM_DATA that opens with its key pair becomes a
 * stored {@link Grant}, emitted once stored; anything else is logged and skipped, never fatal.
 * A MAM_DATA repeating a grant already held (same device channel root) is not emitted again.
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final AddressWatcher watcher;
    private final GrantOpener opener;
    private final GrantStore grants;
    private final Executor worker;

    public Inbox(AddressWatcher watcher, GrantOpener opener, GrantStore grants, Executor worker) {
        this.watcher = watcher;
        this.opener = opener;
        this.grants = grants;
        this.worker = worker;
    }

    /** New grants as they arrive; the watcher's cursor moves past a message once it is stored. */
    public Multi<Grant> grants() {
        // Opening envelopes and writing files block: off the poller's thread.
        return watcher.messages()
                .emitOn(worker)
                .onItem().transformToMultiAndConcatenate(m -> {
                    Opened opened = opener.open(m);
                    if (opened instanceof Opened.Granted g) return accept(g.grant());
                    Opened.Skipped s = (Opened.Skipped) opened;
                    LOG.warnf("mailbox: skipped bundle %s: %s", s.bundleHash(), s.reason());
                    return Multi.createFrom().<Grant>empty();
                });
    }

    private Multi<Grant> accept(Grant grant) {
        if (grants.get(grant.deviceRoot()).isPresent()) {
            LOG.infof("mailbox: MAM_DATA for device channel %s already held", grant.deviceRoot());
            return Multi.createFrom().empty();
        }
        grants.save(grant);
        LOG.infof("mailbox: consent received, device channel %s", grant.deviceRoot());
        return Multi.createFrom().item(grant);
    }
}
