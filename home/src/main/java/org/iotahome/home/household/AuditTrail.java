package org.iotahome.home.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.event.AccessHistory;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.tangle.Address;

/**
 * A device's consent history as a person reads it: every event on its consent channel (time,
 * type, provider, goal, where it sits on the Tangle), and who can read the device's data now: the
 * providers authorized and not revoked since, with the time of the AUTHORIZED that gave them the
 * key (the device hands its current side key to exactly these, PROTOCOL.md §7); and who could
 * read it, from when to when ({@link AccessHistory}).
 */
public record AuditTrail(List<Line> lines, List<Reader> readers, List<AccessHistory.Period> access) {

    /** One consent event; {@code provider} and {@code goal} are empty where the event names none. */
    public record Line(long timestamp, String type, String provider, String goal, String root) {}

    /** A provider holding the current key, since {@code since} (ms since the epoch). */
    public record Reader(ServiceProvider provider, String goal, long since) {}

    public AuditTrail {
        lines = List.copyOf(lines);
        readers = List.copyOf(readers);
        access = List.copyOf(access);
    }

    static AuditTrail of(Address device, List<EventWalk.Entry> entries) {
        List<Line> lines = new ArrayList<>();
        Map<Address, Reader> readers = new LinkedHashMap<>();
        for (EventWalk.Entry e : entries) {
            ChannelEvent event = e.event();
            String provider = "";
            String goal = "";
            if (event instanceof Authorized a && a.policy().device().iotaAddress().equals(device)) {
                Policy p = a.policy();
                provider = p.serviceProvider().url().getHost();
                goal = p.goal();
                readers.putIfAbsent(p.serviceProvider().iotaAddress(), new Reader(p.serviceProvider(), goal, a.timestamp()));
            } else if (event instanceof AuthorizationRevoked r) {
                provider = r.policy().serviceProvider().url().getHost();
                goal = r.policy().goal();
                readers.remove(r.policy().serviceProvider().iotaAddress());
            } else if (event instanceof DeviceDeleted) {
                readers.clear();
            } else if (event instanceof KeyRotation k) {
                goal = k.keys().size() + " provider key(s), " + (k.wrapped().isEmpty() ? "not for the device" : "one for the device");
            } else if (!(event instanceof DeviceAdded)) {
                continue;
            }
            lines.add(new Line(event.timestamp(), event.type(), provider, goal, e.root()));
        }
        return new AuditTrail(lines, new ArrayList<>(readers.values()),
                AccessHistory.of(device, entries.stream().map(EventWalk.Entry::event).toList()));
    }
}
