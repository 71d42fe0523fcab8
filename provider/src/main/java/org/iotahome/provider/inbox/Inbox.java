package org.iotahome.provider.inbox;

import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.concurrent.Executor;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.jboss.logging.Logger;

/**
 * The provider's mailbox (PROTOCOL.md §3): every MAM_DATA that opens with its key pair becomes a
 * stored pending {@link Grant}, emitted once stored; anything else is logged and skipped, never fatal.
 * A MAM_DATA repeating a grant already held (same device channel root) is not emitted again.
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final AddressWatcher watcher;
    private final GrantOpener opener;
    private final GrantStore grants;
    private final Executor worker;
    private final int maxPending;

    /** {@code maxPending}: unconfirmed grants kept at most; the oldest is forgotten first (PROTOCOL.md §7). */
    public Inbox(AddressWatcher watcher, GrantOpener opener, GrantStore grants, Executor worker, int maxPending) {
        this.watcher = watcher;
        this.opener = opener;
        this.grants = grants;
        this.worker = worker;
        this.maxPending = maxPending;
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
        // Anyone can seal a MAM_DATA to us: unconfirmed grants are bounded, and never take a confirmed one's place.
        List<Grant> pending = grants.withStatus(Grant.Status.PENDING);
        for (int i = 0; i <= pending.size() - maxPending; i++) {
            grants.delete(pending.get(i).deviceRoot());
            LOG.warnf("mailbox: too many unconfirmed grants; forgot the oldest, device channel %s", pending.get(i).deviceRoot());
        }
        grants.save(grant);
        LOG.infof("mailbox: MAM_DATA received, device channel %s; pending until its consent channel confirms it", grant.deviceRoot());
        return Multi.createFrom().item(grant);
    }
}
