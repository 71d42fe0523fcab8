package org.iotahome.home.household;

import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.tangle.Address;

/** What My Home shows: its paired devices in pairing order, each with its policies. */
public record HouseholdState(List<PairedDevice> devices) {

    public HouseholdState {
        devices = List.copyOf(devices);
    }

    public Optional<PairedDevice> device(Address address) {
        return devices.stream().filter(d -> d.device().iotaAddress().equals(address)).findFirst();
    }
}
