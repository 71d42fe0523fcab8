package org.iotahome.device.consent;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.ObservedMessageSource;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.pairing.DeviceInbox;
import org.iotahome.device.pairing.DirectSender;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.device.publish.DeviceChannel;
import org.iotahome.device.publish.MamPublisher;
import org.iotahome.device.publish.PublishNow;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.Tangle;

/** The consent side's beans, from {@link DeviceConfig}: the only place they are made. */
@ApplicationScoped
public class ConsentBeans {

    /** Reads only: the tag is never written from here. */
    private static final String TAG = "IOTAHOME9CONSENT";

    @Produces
    @Singleton
    ProviderStore providerStore(DeviceConfig config) {
        return new ProviderStore(config.dataDir());
    }

    @Produces
    @Singleton
    ConsentProcessor consentProcessor(@DeviceInbox Address device, ProviderStore providers, PairingStore pairing,
            DeviceChannel channel, MamPublisher publisher, DirectSender sender, Clock clock, PublishNow publishNow) {
        SecureRandom random = new SecureRandom();
        return new ConsentProcessor(device, providers, pairing, channel, publisher, sender, new EnvelopeSealer(random), random, clock,
                publishNow::request);
    }

    @Produces
    @Singleton
    ConsentFollower consentFollower(DeviceConfig config, Tangle tangle, PairingStore pairing, ConsentProcessor processor, Clock clock,
            @DeviceInbox Address device, DeviceSecret secret, StreamHealth health) {
        DeviceConfig.Consent c = config.consent();
        TangleMessageTransport source = new TangleMessageTransport(tangle, TAG, clock::millis,
                config.nodeTimeout());
        return new ConsentFollower(pairing, new ObservedMessageSource(source, health, DeviceStream.CONSENT_FOLLOWER), processor,
                config.dataDir(), c.poll(), c.retryMin(), c.retryMax(), Infrastructure.getDefaultWorkerPool(),
                RotatedKeys.device(device, ConsentWrapKey.derive(secret, device)), health, c.attempts());
    }
}
