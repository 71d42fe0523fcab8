package org.iotahome.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.iotahome.web.LoginThrottle;
import org.iotahome.home.household.Households;
import org.iotahome.home.projection.JpaProjectionStore;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.receipt.ReceiptKey;
import org.iotahome.protocol.tangle.Tangle;

/** My Home's domain objects as beans: the households of its accounts, the receipt key, the clock and the login throttle. */
@ApplicationScoped
public class HomeBeans {

    @Produces
    @Singleton
    Households households(HomeConfig config, Tangle tangle, TangleMessageTransport transport) {
        return new Households(tangle, transport, new Households.Settings(Path.of(config.dataDir()), config.mailboxPoll(),
                config.pairingTimeout(), config.pairingGrace()), new SecureRandom(), JpaProjectionStore::new);
    }

    /** The key consent receipts are signed with: one per My Home, made once, kept with its data (never logged). */
    @Produces
    @Singleton
    ReceiptKey receiptKey(HomeConfig config) {
        Path file = config.receipts().keyFile().filter(f -> !f.isBlank()).map(Path::of)
                .orElse(Path.of(config.dataDir()).resolve("receipt-signing.key"));
        return ReceiptKey.inFile(file, new SecureRandom());
    }

    /** The time every page and consent check goes by (tests may replace it). */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Five failed logins from one address in 15 minutes, then wait. */
    @Produces
    @Singleton
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(5, Duration.ofMinutes(15), 100_000, clock);
    }
}
