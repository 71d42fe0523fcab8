package org.iotahome.home.accounts;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.iotahome.home.household.Households;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.mam.SideKey;
import org.jboss.logging.Logger;

/**
 * PROTOCOL.md §4, §7: what a crash left half done in any household (a pairing's second
 * DEVICE_ADDED, a revocation's key rotation, a deletion's household event) is finished at start,
 * in the background, each household retried with backoff while the node is unreachable.
 */
@ApplicationScoped
public class FinishInterrupted {

    private static final Logger LOG = Logger.getLogger(FinishInterrupted.class);

    private record Entry(long id, HomeIdentity identity) {}

    @Inject
    Households households;

    void atStart(@Observes StartupEvent start) {
        for (Entry e : accounts()) {
            Uni.createFrom().item(() -> {
                        try {
                            return households.of(e.id(), e.identity()).household().finishInterrupted();
                        } catch (IOException x) {
                            throw new UncheckedIOException(x);
                        }
                    })
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .onFailure().invoke(x -> LOG.warnf("household %d: finishing what a crash left half done failed: %s; retrying", e.id(),
                            x.getMessage()))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofMinutes(5)).indefinitely()
                    .subscribe().with(n -> {
                        if (n > 0) LOG.infof("household %d: %d interrupted changes finished", e.id(), n);
                    });
        }
    }

    @Transactional
    List<Entry> accounts() {
        return Account.<Account>listAll().stream()
                .map(a -> new Entry(a.id, HomeIdentity.of(a.seed, new SideKey(a.householdKey)))).toList();
    }
}
