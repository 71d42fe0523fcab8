package org.iotahome.provider.readings;

import java.util.Optional;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeException;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;

/**
 * The side key after a device channel message (PROTOCOL.md §7): after a KEY_ROTATION, the key in
 * its envelope under this provider's address; anything else, or a rotation without a key for this
 * provider (revoked: nothing newer can be read), leaves the key as it was.
 */
public final class RotationKeys implements KeySchedule {

    private final Address self;
    private final EnvelopeOpener opener;

    public RotationKeys(Address self, EnvelopeOpener opener) {
        this.self = self;
        this.opener = opener;
    }

    @Override
    public SideKey after(ChannelMessage message, SideKey current) {
        ChannelEvent event;
        try {
            event = EventCodec.read(message.text());
        } catch (IllegalArgumentException e) {
            return current;
        }
        return event instanceof KeyRotation rotation ? keyFor(rotation).orElse(current) : current;
    }

    /** The new side key for this provider, or empty when the rotation leaves it out (or holds no key it can open). */
    public Optional<SideKey> keyFor(KeyRotation rotation) {
        Envelope envelope = rotation.keys().get(self);
        if (envelope == null) return Optional.empty();
        try {
            return Optional.of(new SideKey(opener.open(envelope)));
        } catch (EnvelopeException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // opened, but not a side key
        }
    }
}
