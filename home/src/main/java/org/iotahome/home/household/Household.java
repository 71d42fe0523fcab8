package org.iotahome.home.household;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;
import org.jboss.logging.Logger;

/**
 * The household's changes as events (PROTOCOL.md §7) and its state as their fold. Every change is
 * a message on a channel; nothing else is kept.
 */
public final class Household {

    private static final Logger LOG = Logger.getLogger(Household.class);

    private final Channels channels;
    private final HouseholdFold fold;
    private final EventLog log;
    private final LongSupplier clockMillis;

    public Household(Channels channels, HouseholdFold fold, EventLog log, LongSupplier clockMillis) {
        this.channels = channels;
        this.fold = fold;
        this.log = log;
        this.clockMillis = clockMillis;
    }

    public HouseholdState state() throws IOException {
        return fold.fold(channels.householdKey());
    }

    /**
     * After a proven CLAIM_RESULT OK (PROTOCOL.md §4): DEVICE_ADDED on the household channel first,
     * so My Home remembers the device, then on its consent channel, which confirms the device's
     * pending pairing. A crash between the two is finished by {@link #finishUnconfirmed()}.
     */
    public void added(Device device, ChannelKey consent) throws IOException {
        channels.publishOnHousehold(DeviceAdded.onHousehold(clockMillis.getAsLong(), device, consent));
        channels.publishOnConsent(consent, device.iotaAddress(), DeviceAdded.onConsent(clockMillis.getAsLong(), device));
    }

    /** At start: every device on the household channel whose consent channel still lacks DEVICE_ADDED gets it. */
    public int finishUnconfirmed() throws IOException {
        int finished = 0;
        for (PairedDevice d : state().devices()) {
            List<ChannelEvent> events = log.read(d.consent());
            if (events.stream().anyMatch(DeviceAdded.class::isInstance)) continue;
            channels.publishOnConsent(d.consent(), d.device().iotaAddress(),
                    DeviceAdded.onConsent(clockMillis.getAsLong(), d.device()));
            LOG.infof("finished pairing device %s: DEVICE_ADDED published on its consent channel", d.device().iotaAddress());
            finished++;
        }
        return finished;
    }

    public void grant(Policy policy) throws IOException {
        Address device = policy.device().iotaAddress();
        channels.publishOnConsent(paired(device).consent(), device, new Authorized(clockMillis.getAsLong(), policy));
    }

    public void revoke(Policy policy) throws IOException {
        Address address = policy.device().iotaAddress();
        PairedDevice device = paired(address);
        if (!device.policies().contains(policy))
            throw new HouseholdException("no such policy in force on device " + address.trytes());
        channels.publishOnConsent(device.consent(), address, new AuthorizationRevoked(clockMillis.getAsLong(), policy));
    }

    /** PROTOCOL.md §7: the device learns it on its consent channel, My Home's fold on the household channel. */
    public void delete(Address address) throws IOException {
        PairedDevice device = paired(address);
        DeviceDeleted deleted = new DeviceDeleted(clockMillis.getAsLong(), device.device());
        channels.publishOnConsent(device.consent(), address, deleted);
        channels.publishOnHousehold(deleted);
    }

    private PairedDevice paired(Address address) throws IOException {
        return state().device(address)
                .orElseThrow(() -> new HouseholdException("device " + address.trytes() + " is not paired with this household"));
    }
}
