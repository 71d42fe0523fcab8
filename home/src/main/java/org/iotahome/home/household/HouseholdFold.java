package org.iotahome.home.household;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.tangle.Address;

/**
 * Folds the household state from the Tangle alone (ARCHITECTURE.md: My Home keeps no state the
 * Tangle does not hold; PROTOCOL.md §7): the household channel names the devices, their consent
 * channels and wrap keys; each consent channel, read across its key rotations, holds that device's
 * policies.
 */
public final class HouseholdFold {

    private final EventLog log;

    public HouseholdFold(EventLog log) {
        this.log = log;
    }

    public HouseholdState fold(ChannelKey household) throws IOException {
        Map<Address, DeviceAdded> devices = new LinkedHashMap<>();
        for (ChannelEvent event : log.read(household)) {
            if (event instanceof DeviceAdded added && added.consent().isPresent()) {
                devices.remove(added.device().iotaAddress()); // paired again: the newest consent channel counts
                devices.put(added.device().iotaAddress(), added);
            } else if (event instanceof DeviceDeleted deleted) {
                devices.remove(deleted.device().iotaAddress());
            }
        }
        List<PairedDevice> paired = new ArrayList<>();
        for (DeviceAdded added : devices.values()) {
            PairedDevice device = new PairedDevice(added.device(), added.consent().orElseThrow(), added.wrapKey(), List.of());
            paired.add(new PairedDevice(device.device(), device.consent(), device.wrapKey(), policies(device)));
        }
        return new HouseholdState(paired);
    }

    private List<Policy> policies(PairedDevice device) throws IOException {
        List<Policy> policies = new ArrayList<>();
        for (ChannelEvent event : log.walk(device.consent(), device.consentKeys()).events()) {
            if (event instanceof Authorized a && isFor(a.policy(), device)) {
                if (!policies.contains(a.policy())) policies.add(a.policy());
            } else if (event instanceof AuthorizationRevoked r) {
                policies.remove(r.policy());
            } else if (event instanceof DeviceDeleted) {
                policies.clear();
            }
        }
        return policies;
    }

    /** PROTOCOL.md §7: a policy naming another device has no effect on this one. */
    private static boolean isFor(Policy policy, PairedDevice device) {
        return policy.device().iotaAddress().equals(device.device().iotaAddress());
    }
}
