package org.iotahome.device.consent;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotahome.device.pairing.DirectSender;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.device.pairing.Reply;
import org.iotahome.device.publish.DeviceChannel;
import org.iotahome.device.publish.MamPublisher;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.SealedChannelKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.Trytes;
import org.jboss.logging.Logger;

/**
 * Acts on the consent channel's events for this device (PROTOCOL.md §7; seed scenarios "Giving
 * consent", "Revoking consent", "Deleting a device"). AUTHORIZED: keep the provider, send it
 * MAM_DATA (the device channel from its next root, and the consent channel from this event on,
 * each sealed to the provider). AUTHORIZATION_REVOKED: forget it and rotate the device channel's
 * key for those who remain. DEVICE_DELETED: rotate for no one, forget everyone, unpair. Events for
 * other devices and other types are ignored; the consent channel is My Home's, not a stranger's.
 *
 * <p>Blocking (disk, Tangle): call it from a worker thread; its actions run one at a time (a
 * message, an expiry check and a reset never rotate the key together). Repeating a
 * message is harmless: a provider is kept once, MAM_DATA is sent again, a rotation rotates again.
 */
public final class ConsentProcessor {

    private static final Logger LOG = Logger.getLogger(ConsentProcessor.class);

    public enum Outcome { IGNORED, CONFIRMED, AUTHORIZED, REVOKED, UNPAIRED }

    private final Address device;
    private final ProviderStore providers;
    private final PairingStore pairing;
    private final DeviceChannel channel;
    private final MamPublisher publisher;
    private final DirectSender sender;
    private final EnvelopeSealer sealer;
    private final SecureRandom random;
    private final Clock clock;
    private final Runnable authorized;

    public ConsentProcessor(Address device, ProviderStore providers, PairingStore pairing, DeviceChannel channel,
            MamPublisher publisher, DirectSender sender, EnvelopeSealer sealer, SecureRandom random, Clock clock) {
        this(device, providers, pairing, channel, publisher, sender, sealer, random, clock, () -> {});
    }

    /** {@code authorized}: run once a provider has its MAM_DATA, e.g. to publish the open batch at once. */
    public ConsentProcessor(Address device, ProviderStore providers, PairingStore pairing, DeviceChannel channel,
            MamPublisher publisher, DirectSender sender, EnvelopeSealer sealer, SecureRandom random, Clock clock, Runnable authorized) {
        this.authorized = authorized;
        this.device = device;
        this.providers = providers;
        this.pairing = pairing;
        this.channel = channel;
        this.publisher = publisher;
        this.sender = sender;
        this.sealer = sealer;
        this.random = random;
        this.clock = clock;
    }

    /** Acts on {@code message}, read on the consent channel that starts at {@code channelRoot}. */
    public synchronized Outcome handle(ChannelMessage message, String channelRoot) throws IOException {
        ChannelEvent event;
        try {
            event = EventCodec.read(message.text());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a consent message at %s: %s", message.root(), e.getMessage());
            return Outcome.IGNORED;
        }
        if (event instanceof DeviceAdded d && forMe(d.device().iotaAddress())) return confirm(channelRoot);
        if (event instanceof Authorized a && forMe(a.policy().device().iotaAddress())) return authorize(a.policy(), message);
        if (event instanceof AuthorizationRevoked r && forMe(r.policy().device().iotaAddress())) return revoke(r.policy().serviceProvider());
        if (event instanceof DeviceDeleted d && forMe(d.device().iotaAddress())) return unpair();
        LOG.debugf("ignoring %s on the consent channel: not an event for this device", event.type());
        return Outcome.IGNORED;
    }

    private boolean forMe(Address address) {
        return device.equals(address);
    }

    /** PROTOCOL.md §4: DEVICE_ADDED on the consent channel (only its seed's holder can write there) confirms the pairing. */
    private Outcome confirm(String channelRoot) throws IOException {
        if (pairing.confirm(channelRoot)) {
            LOG.infof("pairing confirmed: DEVICE_ADDED read on the consent channel");
            return Outcome.CONFIRMED;
        }
        LOG.infof("DEVICE_ADDED on the consent channel at %s, which is no longer this device's pairing: ignored", channelRoot);
        return Outcome.IGNORED;
    }

    private Outcome authorize(Policy policy, ChannelMessage message) throws IOException {
        ServiceProvider provider = policy.serviceProvider();
        Optional<Instant> expires;
        try {
            expires = ConsentExpiry.of(policy);
        } catch (IllegalArgumentException e) {
            LOG.warnf("not authorizing provider %s: %s", provider.iotaAddress(), e.getMessage());
            return Outcome.IGNORED;
        }
        if (expires.isPresent() && !expires.get().isAfter(clock.instant())) {
            LOG.infof("not authorizing provider %s: its consent ended at %s", provider.iotaAddress(), expires.get());
            return Outcome.IGNORED;
        }
        providers.add(provider, expires);
        SealedChannelKey data = new SealedChannelKey(seal(provider, channel.nextRoot()), seal(provider, channel.sideKey().trytes()));
        // The consent channel from this AUTHORIZED on, under the key it was read with.
        SealedChannelKey consent = new SealedChannelKey(seal(provider, message.root()), seal(provider, message.sideKey().trytes()));
        sender.send(new Reply(provider.iotaAddress(), new MamData(data, consent)));
        LOG.infof("authorized provider %s (%s): MAM_DATA sent", provider.iotaAddress(), provider.url());
        authorized.run();   // its first reading now, not at the next batch tick
        return Outcome.AUTHORIZED;
    }

    /**
     * Consent that ends by itself (docs/consent-expiry.md): providers whose expiry has come are
     * dropped and the key rotated once for those who remain, whether or not My Home is running.
     * Called on every consent poll; true when it rotated.
     */
    public synchronized boolean expire() throws IOException {
        List<ServiceProvider> ended = providers.expiredAt(clock.instant());
        if (ended.isEmpty()) return false;
        for (ServiceProvider p : ended) providers.remove(p.iotaAddress());
        rotate(providers.all());
        for (ServiceProvider p : ended)
            LOG.infof("consent of provider %s ended by itself: side key rotated for %d remaining", p.iotaAddress(), providers.all().size());
        return true;
    }

    private Outcome revoke(ServiceProvider provider) throws IOException {
        providers.remove(provider.iotaAddress());
        rotate(providers.all());
        LOG.infof("revoked provider %s: side key rotated for %d remaining", provider.iotaAddress(), providers.all().size());
        return Outcome.REVOKED;
    }

    private Outcome unpair() throws IOException {
        reset();
        LOG.infof("device deleted by My Home: side key rotated for no one, unpaired");
        return Outcome.UNPAIRED;
    }

    /**
     * Back to unpaired with every provider cut off: the device channel's key rotated for no one,
     * the providers forgotten, the pairing deleted, in that order so that a crash repeats the
     * rotation rather than leaving a provider with the key (DEVICE_DELETED, and
     * {@code ./iotahome device reset}, PROTOCOL.md §4, §7).
     */
    public synchronized void reset() throws IOException {
        rotate(List.of());
        providers.clear();
        pairing.delete();
    }

    /** PROTOCOL.md §7: KEY_ROTATION under the old key, one envelope per remaining provider, then the new key. */
    private void rotate(List<ServiceProvider> remaining) throws IOException {
        SideKey next = new SideKey(randomTrytes(SideKey.LENGTH));
        Map<Address, Envelope> keys = new LinkedHashMap<>();
        for (ServiceProvider p : remaining) {
            try {
                keys.put(p.iotaAddress(), seal(p, next.trytes()));
            } catch (RuntimeException e) {
                // A key that does not seal must not stop a revocation: that provider is left out (it loses access).
                LOG.errorf("provider %s left out of the key rotation: its public key does not seal (%s)", p.iotaAddress(), e.getMessage());
            }
        }
        publisher.rotate(EventCodec.write(new KeyRotation(clock.millis(), keys)), MamMode.RESTRICTED, next);
    }

    private Envelope seal(ServiceProvider provider, String plaintext) {
        return sealer.seal(provider.publicKey(), plaintext);
    }

    private String randomTrytes(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = Trytes.ALPHABET.charAt(random.nextInt(27));
        return new String(out);
    }
}
