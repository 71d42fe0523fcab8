package org.iotahome.device.pairing;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.ObservedTangle;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.health.TangleObserver;
import org.iotahome.device.identity.DeviceIdentity;
import org.iotahome.protocol.pairing.ChallengeBook;
import org.iotahome.protocol.pairing.ChallengePolicy;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.jboss.logging.Logger;

/** The pairing side's beans, from {@link DeviceConfig}: the only place they are made. */
@ApplicationScoped
public class PairingBeans {

    private static final Logger LOG = Logger.getLogger(PairingBeans.class);

    /** The tag on the device's direct messages, so they can be told apart on a node. */
    static final String TAG = "IOTAHOME9PAIRING";
    /** Where the watcher of the device address keeps its cursor, in the data directory. */
    static final String CURSOR_FILE = "inbox-cursor.json";

    @Produces
    @Singleton
    DeviceSecret secret(DeviceConfig config) throws IOException {
        return new SecretFile(config.dataDir(), new SecureRandom()).loadOrCreate();
    }

    @Produces
    @Singleton
    @DeviceInbox
    Address deviceAddress(DeviceIdentity identity) {
        return MailboxAddress.of(identity.seed());
    }

    @Produces
    @Singleton
    PairingStore pairingStore(DeviceConfig config) {
        return new PairingStore(config.dataDir());
    }

    @Produces
    @Singleton
    PairingProcessor pairingProcessor(DeviceConfig config, @DeviceInbox Address device, DeviceSecret secret, PairingStore store,
            Clock clock) {
        ChallengePolicy policy = ChallengePolicy.DEFAULT.withExpiry(config.pairing().challengeExpiry());
        SecureRandom random = new SecureRandom();
        return new PairingProcessor(device, secret, new ChallengeBook(secret, clock, random, policy), store, random);
    }

    @Produces
    @Singleton
    DirectSender directSender(DeviceConfig config, Tangle tangle, Clock clock) {
        return new DirectSender(tangle, TAG, clock, config.nodeTimeout());
    }

    @Produces
    @Singleton
    PairingInbox pairingInbox(DeviceConfig config, PairingProcessor processor, DirectSender sender, StreamHealth health) {
        DeviceConfig.Pairing p = config.pairing();
        return new PairingInbox(processor, sender, Infrastructure.getDefaultWorkerPool(), p.retryMin(), p.retryMax(), p.sendAttempts(),
                e -> health.failed(DeviceStream.PAIRING_INBOX, e));
    }

    @Produces
    @Singleton
    AddressWatcher inboxWatcher(DeviceConfig config, @DeviceInbox Address device, Tangle tangle, StreamHealth health, Clock clock) {
        DeviceConfig.Pairing p = config.pairing();
        // Each poll's outcome is the inbox's health: an answered poll means it works, even when nothing came.
        Tangle polled = new ObservedTangle(tangle, TangleObserver.of(health, DeviceStream.PAIRING_INBOX), clock);
        return new AddressWatcher(polled, device.trytes(), config.minWeightMagnitude(), p.poll(), p.retryMin(), p.retryMax(),
                new FileCursorStore(config.dataDir().resolve(CURSOR_FILE)),
                r -> LOG.warnf("skipping bundle %s at the device address: %s", r.bundleHash(), r.reason()),
                // The address is public: whatever anyone sends there, the cursor and what the watcher knows stay bounded.
                new AddressWatcher.Limits(p.cursorMax(), p.knownMax(), clock::millis));
    }
}
