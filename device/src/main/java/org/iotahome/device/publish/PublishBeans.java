package org.iotahome.device.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.health.NodeStatus;
import org.iotahome.device.health.ObservedTangle;
import org.iotahome.device.identity.DeviceIdentity;
import org.iotahome.device.identity.IdentityException;
import org.iotahome.device.identity.IdentityFiles;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.p1.TelegramParser;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** The publishing side's beans, from {@link DeviceConfig}: the only place they are made. */
@ApplicationScoped
public class PublishBeans {

    private static final Logger LOG = Logger.getLogger(PublishBeans.class);

    /** PROTOCOL.md §7: the device channel is restricted; its security is a setting (PUBLISH_SECURITY, device/README.md). */
    static final MamMode MODE = MamMode.RESTRICTED;
    /** The tag on the device's message bundles, so they can be told apart on a node. */
    static final String TAG = "IOTAHOME9DEVICE";

    @Produces
    @Singleton
    DeviceIdentity identity(DeviceConfig config) throws IOException {
        return new IdentityFiles(config.dataDir(), new SecureRandom()).loadOrCreate(config.seed());
    }

    /** The node at IOTA_PROVIDER; tests replace this bean with an in-memory Tangle. */
    @Produces
    @Singleton
    @Node
    Tangle node(DeviceConfig config) {
        URI url = URI.create(config.iotaProvider());
        return IriTangle.remotePow(new IriClient(url, NodeHttp.forNode(url), config.nodeTimeout()), config.minWeightMagnitude(),
                config.depth());
    }

    /** The node as the device uses it: each call's outcome kept for health and the status page. */
    @Produces
    @Singleton
    Tangle tangle(@Node Tangle node, NodeStatus status, Clock clock) {
        return new ObservedTangle(node, status, clock);
    }

    /** Made before the channel state, so a new channel never exists without its first root on disk. */
    @Produces
    @Singleton
    FirstRoot firstRoot(DeviceConfig config, DeviceIdentity identity) throws IOException {
        return FirstRoot.loadOrRecord(config.dataDir().resolve("channel-first-root"),
                Files.exists(config.dataDir().resolve("channel.json")), config.publish().security(),
                security -> MamChannel.open(identity.seed(), MODE, identity.sideKey(), security).root());
    }

    @Produces
    @Singleton
    ChannelPublisher channelPublisher(DeviceConfig config, DeviceIdentity identity, FirstRoot first, Tangle tangle, Clock clock)
            throws IOException {
        Path state = config.dataDir().resolve("channel.json");
        TangleMessageTransport transport = new TangleMessageTransport(tangle, TAG, clock::millis,
                config.nodeTimeout());
        int security = config.publish().security();
        ChannelPublisher publisher = ChannelPublisher.open(new FileChannelStateStore(state), transport,
                () -> MamChannel.open(identity.seed(), MODE, identity.sideKey(), security));
        // Signing with another seed at the stored position would start a second chain nobody can follow.
        if (!publisher.channel().state().seed().equals(identity.seed()))
            throw new IdentityException(state + " holds a channel of another seed than the device's (was SEED changed?); "
                    + "move it away to start a new channel");
        // A channel made at another security moves to this one from its next root on; the root readers hold keeps its own.
        publisher.changeNextSecurity(security);
        return publisher;
    }

    @Produces
    @Singleton
    DeviceChannel deviceChannel(FirstRoot first, ChannelPublisher publisher) {
        DeviceChannel channel = new DeviceChannel(first.root(), publisher);
        LOG.infof("device channel root %s (%s, security %d, from the next message %d)", first.root(), channel.mode(),
                publisher.channel().state().security(), publisher.channel().state().nextSecurity());
        return channel;
    }

    @Produces
    @Singleton
    Outbox outbox(DeviceConfig config) throws IOException {
        return Outbox.open(config.dataDir().resolve("outbox"), config.publish().outboxMaxSize().asLongValue());
    }

    @Produces
    @Singleton
    MamPublisher mamPublisher(ChannelPublisher publisher, Outbox outbox) {
        return new MamPublisher(publisher, outbox);
    }

    /** The open batch on disk; an entry leaving the outbox moves the journal's mark first. */
    @Produces
    @Singleton
    OpenBatchJournal openBatchJournal(DeviceConfig config, Outbox outbox) throws IOException {
        OpenBatchJournal journal = OpenBatchJournal.open(config.dataDir(), outbox.newestJournal());
        outbox.onRemoval(journal::dropThrough);
        return journal;
    }

    @Produces
    @Singleton
    PublishPolicy publishPolicy(DeviceConfig config) {
        DeviceConfig.Publish p = config.publish();
        return new PublishPolicy(p.mode(), p.keepOneIn(), p.interval(), p.intervalMax());
    }

    @Produces
    @Singleton
    PublishNow publishNow() {
        return new PublishNow();
    }

    @Produces
    @Singleton
    PublishCounters publishCounters() {
        return new PublishCounters();
    }

    @Produces
    @Singleton
    TelegramReadings telegramReadings(DeviceConfig config, Clock clock) {
        return new TelegramReadings(new TelegramParser(), clock, MeterSeriesFile.open(config.dataDir().resolve("meter-series")));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
