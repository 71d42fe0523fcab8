package org.iotahome.home.household;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;

/**
 * The household's changes as events (PROTOCOL.md §7) and its state as their fold. Every change is
 * a message on a channel; nothing else is kept.
 */
public final class Household {

    private final Channels channels;
    private final HouseholdFold fold;
    private final LongSupplier clockMillis;

    public Household(Channels channels, HouseholdFold fold, LongSupplier clockMillis) {
        this.channels = channels;
        this.fold = fold;
        this.clockMillis = clockMillis;
    }

    public HouseholdState state() throws IOException {
        return fold.fold(channels.householdKey());
    }

    /** After a CLAIM_RESULT OK: the device and its consent channel join the household. */
    public void added(Device device, ChannelKey consent) throws IOException {
        channels.publishOnHousehold(new DeviceAdded(clockMillis.getAsLong(), device, consent));
    }

    public void grant(Policy policy) throws IOException {
        channels.publishOnConsent(consentOf(policy.device().iotaAddress()), new Authorized(clockMillis.getAsLong(), policy));
    }

    public void revoke(Policy policy) throws IOException {
        PairedDevice device = paired(policy.device().iotaAddress());
        if (!device.policies().contains(policy))
            throw new HouseholdException("no such policy in force on device " + policy.device().iotaAddress().trytes());
        channels.publishOnConsent(device.consent(), new AuthorizationRevoked(clockMillis.getAsLong(), policy));
    }

    /** PROTOCOL.md §7: the device learns it on its consent channel, My Home's fold on the household channel. */
    public void delete(Address address) throws IOException {
        PairedDevice device = paired(address);
        DeviceDeleted deleted = new DeviceDeleted(clockMillis.getAsLong(), device.device());
        channels.publishOnConsent(device.consent(), deleted);
        channels.publishOnHousehold(deleted);
    }

    private ChannelKey consentOf(Address address) throws IOException {
        return paired(address).consent();
    }

    private PairedDevice paired(Address address) throws IOException {
        return state().device(address)
                .orElseThrow(() -> new HouseholdException("device " + address.trytes() + " is not paired with this household"));
    }
}
