package org.iotahome.provider.consent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.jboss.logging.Logger;

/**
 * A pending grant becomes a followed one only once its consent channel confirms it
 * ({@link ConsentCheck}); checked again with backoff while the channel holds nothing yet or the
 * node fails, until the grant expires. A refused or expired grant is forgotten: it never took a
 * follower.
 */
public final class GrantConfirmation {

    private static final Logger LOG = Logger.getLogger(GrantConfirmation.class);
    /**
     * Pending grants checked at once at most, as a multiple of those kept: a grant the inbox forgot
     * (too many pending) stops being checked at its next try, so a flood of forged MAM_DATA never
     * fills every slot and holds back a real grant behind it.
     */
    private static final int CHECKED_PER_KEPT = 4;

    private final ConsentCheck check;
    private final GrantStore grants;
    private final Executor worker;
    private final Clock clock;
    private final Duration retryMin;
    private final Duration retryMax;
    private final Duration expiry;
    private final int maxChecked;

    public GrantConfirmation(ConsentCheck check, GrantStore grants, Executor worker, Clock clock, Duration retryMin, Duration retryMax,
            Duration expiry, int pendingMax) {
        this.maxChecked = Math.max(16, pendingMax * CHECKED_PER_KEPT);
        this.check = check;
        this.grants = grants;
        this.worker = worker;
        this.clock = clock;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        this.expiry = expiry;
    }

    /** How many {@link #confirm} streams may run at once. */
    public int maxChecked() {
        return maxChecked;
    }

    /** The grant, confirmed and saved as such, or nothing. */
    public Multi<Grant> confirm(Grant pending) {
        long left = pending.receivedAt() + expiry.toMillis() - clock.millis();
        return Uni.createFrom().item(() -> {
                    if (grants.get(pending.deviceRoot()).filter(Grant::pending).isEmpty()) throw new ForgottenException();
                    return check.check(pending);
                }).runSubscriptionOn(worker)
                .onFailure(ForgottenException.class).recoverWithItem((ConsentCheck.Finding) null)
                .onItem().invoke(f -> {
                    if (f != null && f.verdict() == ConsentCheck.Verdict.NOT_YET) throw new NotYetException();
                })
                .onFailure().retry().withBackOff(retryMin, retryMax).expireIn(Math.max(1, left))
                .onItem().transformToMulti(f -> {
                    if (f == null) return Multi.createFrom().<Grant>empty(); // the inbox forgot it: nothing to do
                    if (f.verdict() == ConsentCheck.Verdict.CONFIRMED) {
                        Grant confirmed = pending.confirmed(clock.millis(), f.expiresAt());
                        grants.save(confirmed);
                        LOG.infof("consent confirmed by the household's consent channel: following device channel %s", pending.deviceRoot());
                        return Multi.createFrom().item(confirmed);
                    }
                    grants.delete(pending.deviceRoot());
                    LOG.warnf("MAM_DATA for device channel %s is not backed by an AUTHORIZED for this provider: forgotten",
                            pending.deviceRoot());
                    return Multi.createFrom().<Grant>empty();
                })
                .onFailure().recoverWithMulti(e -> {
                    grants.delete(pending.deviceRoot());
                    LOG.warnf("MAM_DATA for device channel %s was not confirmed within %s (%s): forgotten", pending.deviceRoot(), expiry,
                            e instanceof NotYetException ? "nothing on its consent channel" : e.getMessage());
                    return Multi.createFrom().empty();
                });
    }

    /** The grant is no longer pending in the store (forgotten by the inbox): its checks end. */
    static final class ForgottenException extends RuntimeException {
        ForgottenException() {
            super("no longer pending", null, false, false);
        }
    }

    /** The consent channel holds nothing yet: retried. */
    static final class NotYetException extends RuntimeException {
        NotYetException() {
            super("nothing on the consent channel yet", null, false, false);
        }
    }
}
