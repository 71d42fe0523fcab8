package org.iotahome.protocol.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotahome.protocol.tangle.Address;

/**
 * Who could read a device's data, from when to when, from its consent channel alone (issue 16):
 * an AUTHORIZED for the device opens a period for its provider (the device hands that provider its
 * channel's next root and key); the period ends at the provider's AUTHORIZATION_REVOKED, at
 * DEVICE_DELETED, at a KEY_ROTATION that leaves the provider out, or when the consent expires by
 * itself ({@link ConsentExpiry}; then {@code until} may lie in the future), whichever comes first. So
 * anyone holding the consent channel's key can tell, and prove against the Tangle, when data was
 * accessible. Events for other devices are ignored; events must come in channel order.
 */
public final class AccessHistory {

    /** Why a period ended. */
    public enum Ended { REVOKED, DEVICE_DELETED, KEY_ROTATED_WITHOUT_IT, EXPIRED }

    /**
     * One provider's access: {@code from} and {@code until} in ms since the epoch, as the consent
     * channel has them; {@code until} empty while it lasts. {@code cutOff}: when the device's own
     * KEY_ROTATION left the provider out (its data channel, where that is read too): the moment it
     * really stopped reading, seconds after {@code until}. {@code host} and {@code goal} as the AUTHORIZED named them.
     */
    public record Period(Address provider, String host, String goal, long from, Optional<Long> until, Optional<Ended> ended,
            Optional<Long> cutOff) {

        public Period(Address provider, String host, String goal, long from, Optional<Long> until, Optional<Ended> ended) {
            this(provider, host, goal, from, until, ended, Optional.empty());
        }

        /** Whether data published at {@code millis} was readable to this provider. */
        public boolean covers(long millis) {
            return millis >= from && until.map(u -> millis < u).orElse(true);
        }
    }

    private AccessHistory() {
    }

    public static List<Period> of(Address device, List<ChannelEvent> events) {
        List<Period> closed = new ArrayList<>();
        Map<Address, Period> open = new LinkedHashMap<>();
        Map<Address, Long> expires = new LinkedHashMap<>();
        for (ChannelEvent event : events) {
            if (event instanceof Authorized a && a.policy().device().iotaAddress().equals(device)) {
                ServiceProvider p = a.policy().serviceProvider();
                if (open.putIfAbsent(p.iotaAddress(), new Period(p.iotaAddress(), p.url().getHost(), a.policy().goal(), a.timestamp(),
                        Optional.empty(), Optional.empty())) == null)
                    expiry(a.policy()).ifPresentOrElse(e -> expires.put(p.iotaAddress(), e), () -> expires.remove(p.iotaAddress()));
            } else if (event instanceof AuthorizationRevoked r && r.policy().device().iotaAddress().equals(device)) {
                close(open, expires, closed, r.policy().serviceProvider().iotaAddress(), r.timestamp(), Ended.REVOKED);
            } else if (event instanceof DeviceDeleted d && d.device().iotaAddress().equals(device)) {
                for (Address p : List.copyOf(open.keySet())) close(open, expires, closed, p, d.timestamp(), Ended.DEVICE_DELETED);
            } else if (event instanceof KeyRotation k) {
                for (Address p : List.copyOf(open.keySet()))
                    if (!k.keys().containsKey(p)) close(open, expires, closed, p, k.timestamp(), Ended.KEY_ROTATED_WITHOUT_IT);
            }
        }
        // What is still open ends by itself where it expires.
        for (Address p : List.copyOf(open.keySet())) if (expires.containsKey(p)) close(open, expires, closed, p, Long.MAX_VALUE, Ended.EXPIRED);
        List<Period> all = new ArrayList<>(closed);
        all.addAll(open.values());
        all.sort(java.util.Comparator.comparingLong(Period::from));
        return all;
    }

    /**
     * The periods with the device's data-channel KEY_ROTATIONs (in channel order) joined in: each
     * ended period gets the first rotation at or after its end that leaves its provider out.
     */
    public static List<Period> withDeviceRotations(List<Period> periods, List<KeyRotation> deviceRotations) {
        List<Period> out = new ArrayList<>();
        for (Period p : periods) {
            Optional<Long> cut = p.until().flatMap(until -> deviceRotations.stream()
                    .filter(r -> r.timestamp() >= until && !r.keys().containsKey(p.provider())).map(KeyRotation::timestamp).findFirst());
            out.add(new Period(p.provider(), p.host(), p.goal(), p.from(), p.until(), p.ended(), cut));
        }
        return out;
    }

    /** Closes {@code provider}'s open period at {@code at} for {@code why}, or at its expiry if that came first. */
    private static void close(Map<Address, Period> open, Map<Address, Long> expires, List<Period> closed, Address provider, long at, Ended why) {
        Period p = open.remove(provider);
        Long expiry = expires.remove(provider);
        if (p == null) return;
        boolean expiredFirst = expiry != null && expiry <= at;
        closed.add(new Period(p.provider(), p.host(), p.goal(), p.from(), Optional.of(expiredFirst ? expiry : at),
                Optional.of(expiredFirst ? Ended.EXPIRED : why)));
    }

    private static Optional<Long> expiry(Policy policy) {
        try {
            return ConsentExpiry.of(policy).map(java.time.Instant::toEpochMilli);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed expiry: the device does not take the grant either
        }
    }
}
