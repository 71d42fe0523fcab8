package org.iotahome.protocol.event;

import java.util.Optional;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.PairingSealException;
import org.iotahome.protocol.pairing.SealedValue;
import org.iotahome.protocol.tangle.Address;

/**
 * Which side key a reader of a channel holds after each message (PROTOCOL.md §7): after a
 * KEY_ROTATION, the key under its own address, opened as a provider (an envelope, with its
 * {@link EnvelopeOpener}) or as the device and My Home do on a consent channel (wrapped with the
 * device's {@link ConsentWrapKey}). A rotation without a key for this reader leaves the key as it
 * was: it has been left behind and can read nothing newer. A key for it that does not open is a
 * fault ({@link KeyNotOpenedException}), to retry and report, never taken for a revocation.
 */
public final class RotatedKeys implements KeySchedule {

    private final Address self;
    private final EnvelopeOpener opener;
    private final ConsentWrapKey wrapKey;

    private RotatedKeys(Address self, EnvelopeOpener opener, ConsentWrapKey wrapKey) {
        this.self = self;
        this.opener = opener;
        this.wrapKey = wrapKey;
    }

    /** A provider's schedule: its envelopes. */
    public static RotatedKeys provider(Address self, EnvelopeOpener opener) {
        return new RotatedKeys(self, opener, null);
    }

    /** The device's schedule on its consent channel (My Home reads the same with the wrap key it keeps). */
    public static RotatedKeys device(Address device, ConsentWrapKey wrapKey) {
        return new RotatedKeys(device, null, wrapKey);
    }

    @Override
    public SideKey after(ChannelMessage message, SideKey current) {
        String text = message.text();
        if (cannotBeARotation(text)) return current;
        ChannelEvent event;
        try {
            event = EventCodec.read(text);
        } catch (IllegalArgumentException e) {
            return current;
        }
        return event instanceof KeyRotation rotation ? keyFor(rotation).orElse(current) : current;
    }

    /**
     * True when no JSON string in {@code text} can read "KEY_ROTATION": it holds neither that literal
     * nor a backslash-u escape (the only escape that can spell a letter or '_'). Every message is
     * asked after, and most are DATA: this spares them a second JSON parse (their handler parses them).
     */
    static boolean cannotBeARotation(String text) {
        return !text.contains(KeyRotation.TYPE) && !text.contains("\\u");
    }

    /** The new side key for this reader, or empty when the rotation leaves it out. */
    public Optional<SideKey> keyFor(KeyRotation rotation) {
        Envelope envelope = rotation.keys().get(self);
        if (envelope != null && opener != null) {
            try {
                return Optional.of(new SideKey(opener.open(envelope)));
            } catch (IllegalArgumentException e) { // EnvelopeException included: not opened, or not a side key
                throw new KeyNotOpenedException("the rotated key for " + self + " does not open: " + e.getMessage(), e);
            }
        }
        SealedValue sealed = rotation.wrapped().get(self);
        if (sealed != null && wrapKey != null) {
            try {
                return Optional.of(wrapKey.unwrap(sealed));
            } catch (PairingSealException e) {
                throw new KeyNotOpenedException("the rotated key for " + self + " does not open: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /** A key addressed to this reader that it cannot open: a fault to retry and report. */
    public static final class KeyNotOpenedException extends IllegalStateException {
        public KeyNotOpenedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
