package org.iotahome.home.household;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.RandomTrytes;
import org.jboss.logging.Logger;

/**
 * The household's changes as events (PROTOCOL.md §7) and its state as their fold. Every change is
 * a message on a channel; nothing else is kept. A revocation or a deletion rotates the consent
 * channel's key, so a provider no longer authorized reads nothing newer ("A revoked provider sees
 * nothing more of the household").
 */
public final class Household {

    private static final Logger LOG = Logger.getLogger(Household.class);

    private final Channels channels;
    private final HouseholdFold fold;
    private final EventLog log;
    private final LongSupplier clockMillis;
    private final SecureRandom random;
    private final EnvelopeSealer sealer;

    public Household(Channels channels, HouseholdFold fold, EventLog log, LongSupplier clockMillis, SecureRandom random) {
        this.channels = channels;
        this.fold = fold;
        this.log = log;
        this.clockMillis = clockMillis;
        this.random = random;
        this.sealer = new EnvelopeSealer(random);
    }

    public HouseholdState state() throws IOException {
        return fold.fold(channels.householdKey());
    }

    /**
     * After a proven CLAIM_RESULT OK (PROTOCOL.md §4): DEVICE_ADDED on the household channel first
     * (with the consent channel's key and the device's wrap key), so My Home remembers the device,
     * then on its consent channel, which confirms the device's pending pairing. A crash between the
     * two is finished by {@link #finishInterrupted()}.
     */
    public void added(Device device, ChannelKey consent, ConsentWrapKey wrapKey) throws IOException {
        channels.publishOnHousehold(DeviceAdded.onHousehold(clockMillis.getAsLong(), device, consent, wrapKey));
        channels.publishOnConsent(new PairedDevice(device, consent, Optional.of(wrapKey), List.of()),
                DeviceAdded.onConsent(clockMillis.getAsLong(), device));
    }

    /**
     * At start, what a crash left half done: a consent channel still without DEVICE_ADDED gets it;
     * a revocation or deletion without its KEY_ROTATION gets it; a deletion the household channel
     * does not yet know gets its DEVICE_DELETED there. Returns how many were finished.
     */
    public int finishInterrupted() throws IOException {
        int finished = 0;
        for (PairedDevice d : state().devices()) {
            List<ChannelEvent> events = log.walk(d.consent(), d.consentKeys()).events();
            if (events.stream().noneMatch(DeviceAdded.class::isInstance)) {
                channels.publishOnConsent(d, DeviceAdded.onConsent(clockMillis.getAsLong(), d.device()));
                LOG.infof("finished pairing device %s: DEVICE_ADDED published on its consent channel", d.device().iotaAddress());
                finished++;
            }
            boolean deleted = events.stream().anyMatch(DeviceDeleted.class::isInstance);
            if (awaitsRotation(events)) {
                rotate(d, deleted ? List.of() : d.policies(), !deleted);
                LOG.infof("finished a revocation on device %s: consent key rotated", d.device().iotaAddress());
                finished++;
            }
            if (deleted) {
                channels.publishOnHousehold(new DeviceDeleted(clockMillis.getAsLong(), d.device()));
                LOG.infof("finished deleting device %s", d.device().iotaAddress());
                finished++;
            }
        }
        return finished;
    }

    /** Whether the last AUTHORIZATION_REVOKED or DEVICE_DELETED has no KEY_ROTATION after it. */
    private static boolean awaitsRotation(List<ChannelEvent> events) {
        boolean awaits = false;
        for (ChannelEvent e : events) {
            if (e instanceof AuthorizationRevoked || e instanceof DeviceDeleted) awaits = true;
            else if (e instanceof KeyRotation) awaits = false;
        }
        return awaits;
    }

    /** The device's consent history and who can read its data now. */
    public AuditTrail audit(Address address) throws IOException {
        PairedDevice device = paired(address);
        return AuditTrail.of(address, log.walk(device.consent(), device.consentKeys()).entries());
    }

    /** The AUTHORIZED for this device at {@code root} of its consent channel, with the key it was read under (for its receipt). */
    public Optional<EventWalk.Entry> authorizedAt(Address address, String root) throws IOException {
        PairedDevice device = paired(address);
        return log.walk(device.consent(), device.consentKeys()).entries().stream()
                .filter(e -> e.root().equals(root) && e.event() instanceof Authorized a && a.policy().device().iotaAddress().equals(address))
                .findFirst();
    }

    public void grant(Policy policy) throws IOException {
        channels.publishOnConsent(paired(policy.device().iotaAddress()), new Authorized(clockMillis.getAsLong(), policy));
    }

    /** AUTHORIZATION_REVOKED, then the consent key rotated for the device and the providers still authorized. */
    public void revoke(Policy policy) throws IOException {
        Address address = policy.device().iotaAddress();
        PairedDevice device = paired(address);
        if (!device.policies().contains(policy))
            throw new HouseholdException("no such policy in force on device " + address.trytes());
        channels.publishOnConsent(device, new AuthorizationRevoked(clockMillis.getAsLong(), policy));
        rotate(device, device.policies().stream().filter(p -> !p.equals(policy)).toList(), true);
    }

    /** PROTOCOL.md §7: the device learns it on its consent channel (whose key then goes to no provider), My Home's fold on the household channel. */
    public void delete(Address address) throws IOException {
        PairedDevice device = paired(address);
        channels.publishOnConsent(device, new DeviceDeleted(clockMillis.getAsLong(), device.device()));
        rotate(device, List.of(), false);
        channels.publishOnHousehold(new DeviceDeleted(clockMillis.getAsLong(), device.device()));
    }

    /**
     * KEY_ROTATION under the current key: the new key in an envelope for each provider of
     * {@code remaining}, and, unless the device is being deleted, wrapped for the device (with its
     * consent wrap key); then the switch. After a deletion nobody holds the new key.
     */
    private void rotate(PairedDevice device, List<Policy> remaining, boolean forDevice) throws IOException {
        if (device.wrapKey().isEmpty()) {
            LOG.warnf("device %s was paired before consent keys rotated: its consent key is not rotated; pair it again",
                    device.device().iotaAddress());
            return;
        }
        SideKey next = new SideKey(RandomTrytes.of(random, SideKey.LENGTH));
        Map<Address, Envelope> keys = new LinkedHashMap<>();
        for (Policy p : remaining) {
            ServiceProvider provider = p.serviceProvider();
            keys.putIfAbsent(provider.iotaAddress(), sealer.seal(provider.publicKey(), next.trytes()));
        }
        Map<Address, SealedValue> wrapped = forDevice
                ? Map.of(device.device().iotaAddress(), device.wrapKey().get().wrap(next, random)) : Map.of();
        channels.rotateConsent(device, new KeyRotation(clockMillis.getAsLong(), keys, wrapped), next);
    }

    private PairedDevice paired(Address address) throws IOException {
        return state().device(address)
                .orElseThrow(() -> new HouseholdException("device " + address.trytes() + " is not paired with this household"));
    }
}
