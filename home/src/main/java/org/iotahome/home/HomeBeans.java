package org.iotahome.home;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Household;
import org.iotahome.home.household.HouseholdFold;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.identity.IdentityFiles;
import org.iotahome.home.pairing.PairingClient;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.Tangle;
import org.jboss.logging.Logger;

/** My Home's domain objects as beans: identity, channels, household and pairing. */
@ApplicationScoped
public class HomeBeans {

    private static final Logger LOG = Logger.getLogger(HomeBeans.class);
    private final SecureRandom random = new SecureRandom();

    @Produces
    @Singleton
    HomeIdentity identity(HomeConfig config) throws IOException {
        return new IdentityFiles(Path.of(config.dataDir()), random).loadOrCreate(config.seed());
    }

    @Produces
    @Singleton
    Channels channels(HomeConfig config, HomeIdentity identity, TangleMessageTransport transport) {
        return new Channels(Path.of(config.dataDir()), identity, transport, new EventLog(transport));
    }

    @Produces
    @Singleton
    Household household(Channels channels, TangleMessageTransport transport) {
        return new Household(channels, new HouseholdFold(new EventLog(transport)), new EventLog(transport), System::currentTimeMillis,
                random);
    }

    @Produces
    @Singleton
    PairingClient pairing(HomeConfig config, Tangle tangle, HomeIdentity identity, Channels channels, Household household) {
        return new PairingClient(tangle, identity, channels, household,
                new FileCursorStore(Path.of(config.dataDir()).resolve("mailbox-cursor.json")), config.mailboxPoll(),
                config.pairingTimeout(), config.pairingGrace(), random, Clock.systemUTC());
    }

    void logIdentity(@Observes StartupEvent start, HomeIdentity identity) {
        LOG.infof("My Home address %s", identity.address().trytes());
    }

    /**
     * PROTOCOL.md §4, §7: what a crash left half done (a pairing's second DEVICE_ADDED, a
     * revocation's key rotation, a deletion's household event) is finished at start, in the
     * background and retried while the node is unreachable.
     */
    void finishInterrupted(@Observes StartupEvent start, Household household) {
        Uni.createFrom().item(() -> {
                    try {
                        return household.finishInterrupted();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("finishing what a crash left half done failed: %s; retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofMinutes(1)).indefinitely()
                .subscribe().with(n -> LOG.debugf("%d interrupted changes finished", n));
    }
}
