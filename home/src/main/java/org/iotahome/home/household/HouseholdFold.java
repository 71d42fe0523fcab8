package org.iotahome.home.household;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.tangle.Address;

/**
 * Folds the household state from the Tangle (ARCHITECTURE.md: My Home keeps no state the Tangle
 * does not hold; PROTOCOL.md §7): the household channel names the devices, their consent channels
 * and wrap keys; each consent channel, read across its key rotations, holds that device's
 * policies. Incremental: what was read of each channel is kept in a {@link ProjectionStore} with
 * the position after it, so a fold reads only what is new at each channel's head; an empty store
 * (a deleted cache) reads everything again. Thread-safe.
 */
public final class HouseholdFold {

    private final EventLog log;
    private final ProjectionStore store;
    /** The store's events, parsed once per channel (first root). */
    private final Map<String, List<ChannelEvent>> parsed = new HashMap<>();

    public HouseholdFold(EventLog log, ProjectionStore store) {
        this.log = log;
        this.store = store;
    }

    /** A fold that keeps what it read in memory only. */
    public HouseholdFold(EventLog log) {
        this(log, new MemoryProjectionStore());
    }

    public synchronized HouseholdState fold(ChannelKey household) throws IOException {
        Map<Address, DeviceAdded> devices = new LinkedHashMap<>();
        for (ChannelEvent event : catchUp(household, KeySchedule.FIXED)) {
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
        for (ChannelEvent event : catchUp(device.consent(), device.consentKeys())) {
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

    /** The channel's events: those kept, then whatever is new after the kept position (which moves past it). */
    private List<ChannelEvent> catchUp(ChannelKey channel, KeySchedule keys) throws IOException {
        List<ChannelEvent> known = parsed.computeIfAbsent(channel.root(),
                root -> new ArrayList<>(store.events(root).stream().map(EventCodec::read).toList()));
        ProjectionStore.Cursor at = store.cursor(channel.root())
                .orElse(new ProjectionStore.Cursor(channel.root(), channel.sideKey(), 0));
        EventLog.Walked walked = log.walk(new ChannelKey(at.nextRoot(), at.sideKey()), keys);
        if (walked.messages() > 0) {
            List<ChannelEvent> added = walked.events();
            store.append(channel.root(), added.stream().map(EventCodec::write).toList(),
                    new ProjectionStore.Cursor(walked.nextRoot(), walked.key().trytes(), at.messages() + walked.messages()));
            known.addAll(added);
        }
        return known;
    }

    /** PROTOCOL.md §7: a policy naming another device has no effect on this one. */
    private static boolean isFor(Policy policy, PairedDevice device) {
        return policy.device().iotaAddress().equals(device.device().iotaAddress());
    }
}
