package org.iotahome.home.household;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.pairing.PairingClient;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.Tangle;

/**
 * Each account's household (its identity, channels and pairing client), made on first use and
 * kept; its channel states and mailbox cursor live in {@code <data dir>/households/<account id>/}.
 * Households share nothing but the node, so several can pair at once.
 */
public final class Households {

    /** One household's objects. */
    public record Home(HomeIdentity identity, Household household, PairingClient pairing) {}

    /** Settings every household shares. */
    public record Settings(Path dataDir, Duration mailboxPoll, Duration pairingTimeout, Duration pairingGrace) {}

    private final Tangle tangle;
    private final TangleMessageTransport transport;
    private final Settings settings;
    private final SecureRandom random;
    private final LongFunction<ProjectionStore> stores;
    private final Map<Long, Home> homes = new ConcurrentHashMap<>();

    /** {@code stores}: each account's projection store (the database in the service). */
    public Households(Tangle tangle, TangleMessageTransport transport, Settings settings, SecureRandom random,
            LongFunction<ProjectionStore> stores) {
        this.tangle = tangle;
        this.transport = transport;
        this.settings = settings;
        this.random = random;
        this.stores = stores;
    }

    public Home of(long accountId, HomeIdentity identity) {
        return homes.computeIfAbsent(accountId, id -> make(id, identity));
    }

    private Home make(long accountId, HomeIdentity identity) {
        Path dir = settings.dataDir().resolve("households").resolve(Long.toString(accountId));
        Channels channels = new Channels(dir, identity, transport, new EventLog(transport));
        Household household = new Household(channels, new HouseholdFold(new EventLog(transport), stores.apply(accountId)),
                new EventLog(transport),
                System::currentTimeMillis, random);
        PairingClient pairing = new PairingClient(tangle, identity, channels, household, new FileCursorStore(dir.resolve("mailbox-cursor.json")),
                settings.mailboxPoll(), settings.pairingTimeout(), settings.pairingGrace(), random, Clock.systemUTC());
        return new Home(identity, household, pairing);
    }
}
