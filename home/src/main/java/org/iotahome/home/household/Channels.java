package org.iotahome.home.household;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSink;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;

/**
 * The channels My Home writes: its household channel (from its seed, PROTOCOL.md §7) and one consent
 * channel per device (own random seed and side key, state in {@code consent/<root>.json}). Channel
 * state is kept durably by {@link ChannelPublisher} before each attach (PROTOCOL.md §5).
 */
public final class Channels {

    static final int SECURITY = 2;

    private final Path dataDir;
    private final HomeIdentity identity;
    private final MessageSink sink;
    private final EventLog log;
    private final SecureRandom random;
    private ChannelPublisher household;

    public Channels(Path dataDir, HomeIdentity identity, MessageSink sink, EventLog log, SecureRandom random) {
        this.dataDir = dataDir;
        this.identity = identity;
        this.sink = sink;
        this.log = log;
        this.random = random;
    }

    /** The household channel's first root and key: where a fold starts. */
    public ChannelKey householdKey() {
        return new ChannelKey(MamChannel.open(identity.seed(), MamMode.RESTRICTED, identity.householdKey(), SECURITY).root(),
                identity.householdKey().trytes());
    }

    public synchronized void publishOnHousehold(ChannelEvent event) throws IOException {
        if (household == null) {
            // A lost state file must not reuse a leaf: a fresh start begins after the messages already on the Tangle.
            household = ChannelPublisher.open(new FileChannelStateStore(dataDir.resolve("household.json")), sink,
                    () -> openAt(log, householdKey()));
        }
        household.publish(AsciiTrytes.toTrytes(EventCodec.write(event)));
    }

    private MamChannel openAt(EventLog log, ChannelKey key) {
        try {
            return MamChannel.open(identity.seed(), MamMode.RESTRICTED, identity.householdKey(), SECURITY, log.count(key), 1);
        } catch (IOException e) {
            throw new HouseholdException("cannot read the household channel to find its next index: " + e.getMessage());
        }
    }

    /** A new consent channel for a device being paired; its state is on disk before its key leaves My Home. */
    public synchronized ChannelKey createConsent() throws IOException {
        MamChannel fresh = MamChannel.open(RandomTrytes.of(random, 81), MamMode.RESTRICTED,
                new SideKey(RandomTrytes.of(random, SideKey.LENGTH)), SECURITY);
        ChannelPublisher.open(new FileChannelStateStore(consentFile(fresh.root())), sink, () -> fresh);
        return new ChannelKey(fresh.root(), fresh.state().sideKey());
    }

    public synchronized void publishOnConsent(ChannelKey consent, ChannelEvent event) throws IOException {
        Path file = consentFile(consent.root());
        if (!Files.exists(file))
            throw new HouseholdException("no local state for the consent channel " + consent.root() + " (expected " + file + ")");
        ChannelPublisher.open(new FileChannelStateStore(file), sink, () -> {
            throw new HouseholdException("consent channel state vanished: " + file);
        }).publish(AsciiTrytes.toTrytes(EventCodec.write(event)));
    }

    private Path consentFile(String root) {
        return dataDir.resolve("consent").resolve(root + ".json");
    }
}
