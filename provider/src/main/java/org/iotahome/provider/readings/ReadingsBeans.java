package org.iotahome.provider.readings;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.iotahome.protocol.event.EventCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.provider.identity.ProviderIdentity;
import org.iotahome.provider.inbox.GrantOpener;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.inbox.Inbox;
import org.iotahome.provider.consent.ConsentCheck;
import org.iotahome.provider.consent.ConsentWatch;
import org.iotahome.provider.consent.GrantConfirmation;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.provider.health.FollowerStatus;
import org.jboss.logging.Logger;

/** The inbox and readings objects as beans: the stores in the database, the mailbox cursor under the data directory. */
@ApplicationScoped
public class ReadingsBeans {

    @Inject
    @Channel("readings-out")
    MutinyEmitter<DataEvent> readingsOut;

    private static final Logger LOG = Logger.getLogger(ReadingsBeans.class);
    /** The provider attaches nothing: the tag only names reads. */
    private static final String TAG = "IOTAHOME9PROVIDER";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Produces
    @Singleton
    GrantStore grantStore() {
        return new GrantStore(Clock.systemUTC());
    }

    @Produces
    @Singleton
    ReadingStore readingStore() {
        return new ReadingStore();
    }

    @Produces
    @Singleton
    FollowerPositions followerPositions() {
        return new FollowerPositions();
    }

    @Produces
    @Singleton
    EnvelopeOpener opener(ProviderIdentity identity) {
        return new EnvelopeOpener(identity.keys());
    }

    @Produces
    @Singleton
    Inbox inbox(ProviderConfig config, ProviderIdentity identity, Tangle tangle, EnvelopeOpener opener, GrantStore grants) {
        AddressWatcher watcher = new AddressWatcher(tangle, identity.address().trytes(), config.minWeightMagnitude(), config.inboxPoll(),
                config.retryMin(), config.retryMax(), new FileCursorStore(Path.of(config.dataDir(), "inbox-cursor.json")),
                r -> LOG.warnf("mailbox: rejected bundle %s: %s", r.bundleHash(), r.reason()));
        return new Inbox(watcher, new GrantOpener(opener, Clock.systemUTC()), grants, Infrastructure.getDefaultWorkerPool(),
                config.pendingMax());
    }

    @Produces
    @Singleton
    TangleMessageTransport source(ProviderConfig config, Tangle tangle) {
        return new TangleMessageTransport(tangle, TAG, System::currentTimeMillis, READ_TIMEOUT);
    }

    @Produces
    @Singleton
    ConsentCheck consentCheck(ProviderIdentity identity, TangleMessageTransport source, EnvelopeOpener opener) {
        return new ConsentCheck(source, identity.address(), identity.keys().publicKey(), RotatedKeys.provider(identity.address(), opener));
    }

    @Produces
    @Singleton
    GrantConfirmation grantConfirmation(ProviderConfig config, ConsentCheck check, GrantStore grants) {
        return new GrantConfirmation(check, grants, Infrastructure.getDefaultWorkerPool(), Clock.systemUTC(), config.retryMin(),
                config.retryMax(), config.pendingExpiry(), config.pendingMax());
    }

    @Produces
    @Singleton
    ConsentWatch consentWatch(ProviderConfig config, ProviderIdentity identity, TangleMessageTransport source, EnvelopeOpener opener,
            ConsentCheck check, GrantStore grants, FollowerPositions positions, FollowerStatus status) {
        return new ConsentWatch(source, Infrastructure.getDefaultWorkerPool(), config.readingsPoll(), config.retryMin(), config.retryMax(),
                positions, RotatedKeys.provider(identity.address(), opener), check, grants, status, Clock.systemUTC());
    }

    @Produces
    @Singleton
    GrantFollower grantFollower(ProviderConfig config, ProviderIdentity identity, TangleMessageTransport source, EnvelopeOpener opener,
            ReadingSink readings, GrantStore grants, FollowerPositions positions, FollowerStatus status) {
        return new GrantFollower(source, Infrastructure.getDefaultWorkerPool(),
                new GrantFollower.Settings(config.readingsPoll(), config.retryMin(), config.retryMax()), positions,
                RotatedKeys.provider(identity.address(), opener), readings, grants, status);
    }

    /** DATA onto the {@code readings} topic, keyed by device channel; done once the topic took it (in memory: once stored). */
    @Produces
    @Singleton
    ReadingSink readingSink() {
        return (device, messageRoot, data) -> readingsOut.sendMessage(Message.of(new DataEvent(device, messageRoot, EventCodec.write(data)),
                Metadata.of(OutgoingKafkaRecordMetadata.builder().withKey(device).build())));
    }

    @Produces
    @Singleton
    GrantOwnership ownership() {
        return new GrantOwnership();
    }
}
