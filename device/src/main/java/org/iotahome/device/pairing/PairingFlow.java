package org.iotahome.device.pairing;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.jboss.logging.Logger;

/**
 * The device's pairing flow (ARCHITECTURE.md "Flows"): the device address, polled by the
 * {@link AddressWatcher}, feeds the in-memory channel {@code pairing}; each message is handled
 * by the {@link PairingInbox}, acknowledged once its reply is sent.
 */
@ApplicationScoped
public class PairingFlow {

    private static final Logger LOG = Logger.getLogger(PairingFlow.class);

    @Inject
    AddressWatcher watcher;
    @Inject
    PairingInbox inbox;
    @Inject
    PairingStore store;
    @Inject
    @DeviceInbox
    Address device;
    @Inject
    StreamHealth health;
    @Inject
    DeviceConfig config;

    /** PROTOCOL.md §4: the secret never goes to a log; a person with the device reads it with {@code pairing-text}. */
    void showPairingState(@Observes StartupEvent start) {
        LOG.infof("device address %s", device.withChecksum());
        store.load().ifPresentOrElse(p -> LOG.infof("%s with My Home at %s", p.confirmed() ? "paired" : "pairing pending", p.home()),
                () -> LOG.infof("not paired; run './iotahome device pairing-text' on this device for its pairing text"));
    }

    /**
     * A poll the node refuses (a 4xx, such as "too many transactions match" after spam at this
     * public address) or cannot answer fails the watcher's stream: it is reported in health and
     * watched again after a backoff, from the cursor in memory, so nothing is skipped or repeated.
     */
    @Outgoing("pairing")
    Multi<ReceivedMessage> messages() {
        DeviceConfig.Pairing p = config.pairing();
        return health.lasting(DeviceStream.PAIRING_INBOX, watcher.messages()
                        .onFailure().invoke(e -> LOG.warnf("watching the device address failed: %s; again after a backoff", e.getMessage())),
                p.retryMin(), p.retryMax());
    }

    @Incoming("pairing")
    Uni<Void> handle(ReceivedMessage message) {
        return inbox.handle(message);
    }
}
