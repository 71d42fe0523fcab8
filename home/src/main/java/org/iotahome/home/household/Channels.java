package org.iotahome.home.household;

import java.io.IOException;
import java.nio.file.Path;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.tangle.Address;
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
 * channel per device pairing (seed and side key derived by {@link ConsentSeeds}, state in
 * {@code consent/<root>.json}). Channel state is kept durably by {@link ChannelPublisher} before
 * each attach (PROTOCOL.md §5); a lost state file is rebuilt from the seed and the Tangle.
 */
public final class Channels {

    static final int SECURITY = 2;
    /** How many times one household may pair the same device again: bounds the search for a lost channel's seed. */
    static final int MAX_GENERATIONS = 1024;

    private final Path dataDir;
    private final HomeIdentity identity;
    private final MessageSink sink;
    private final EventLog log;
    private ChannelPublisher household;

    public Channels(Path dataDir, HomeIdentity identity, MessageSink sink, EventLog log) {
        this.dataDir = dataDir;
        this.identity = identity;
        this.sink = sink;
        this.log = log;
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

    /**
     * The consent channel for the next pairing of {@code device}: derived from the seed and the
     * number of earlier DEVICE_ADDED for it on the household channel, so a pairing retried after a
     * timeout or a crash hands the device the very same channel.
     */
    public synchronized ChannelKey nextConsent(Address device) throws IOException {
        int generation = 0;
        for (ChannelEvent e : log.read(householdKey()))
            if (e instanceof DeviceAdded added && added.device().iotaAddress().equals(device)) generation++;
        return consentKey(device, generation);
    }

    private ChannelKey consentKey(Address device, int generation) {
        MamChannel c = consentChannel(device, generation);
        return new ChannelKey(c.root(), c.state().sideKey());
    }

    private MamChannel consentChannel(Address device, int generation) {
        return MamChannel.open(ConsentSeeds.seed(identity.seed(), device, generation), MamMode.RESTRICTED,
                ConsentSeeds.sideKey(identity.seed(), device, generation), SECURITY);
    }

    /** Publishes on {@code device}'s consent channel under its current key. */
    public synchronized void publishOnConsent(PairedDevice device, ChannelEvent event) throws IOException {
        consentPublisher(device).publish(AsciiTrytes.toTrytes(EventCodec.write(event)));
    }

    /**
     * PROTOCOL.md §7: {@code rotation} under the current key, then {@code next} for what follows, in
     * one saved step, so a crash never leaves the rotation sent and the old key still in use.
     */
    public synchronized void rotateConsent(PairedDevice device, KeyRotation rotation, SideKey next) throws IOException {
        consentPublisher(device).publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(rotation)), MamMode.RESTRICTED, next);
    }

    private ChannelPublisher consentPublisher(PairedDevice device) throws IOException {
        return ChannelPublisher.open(new FileChannelStateStore(consentFile(device.consent().root())), sink, () -> recoverConsent(device));
    }

    /**
     * PROTOCOL.md §7: with the state file lost, the seed is derived again, and the index and the
     * current key are found by walking the channel across its rotations, as the device reads it.
     */
    private MamChannel recoverConsent(PairedDevice device) {
        Address address = device.device().iotaAddress();
        for (int generation = 0; generation < MAX_GENERATIONS; generation++) {
            if (!consentKey(address, generation).equals(device.consent())) continue;
            try {
                EventLog.Walked walked = log.walk(device.consent(), device.consentKeys());
                return MamChannel.open(ConsentSeeds.seed(identity.seed(), address, generation), MamMode.RESTRICTED, walked.key(), SECURITY,
                        walked.messages(), 1);
            } catch (IOException e) {
                throw new HouseholdException("cannot read the consent channel " + device.consent().root() + " to find its next index: "
                        + e.getMessage());
            }
        }
        throw new HouseholdException("the consent channel " + device.consent().root() + " of device " + address.trytes()
                + " is not derived from this household's seed");
    }

    private Path consentFile(String root) {
        return dataDir.resolve("consent").resolve(root + ".json");
    }
}
