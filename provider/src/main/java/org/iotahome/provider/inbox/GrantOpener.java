package org.iotahome.provider.inbox;

import java.time.Clock;
import org.iotahome.protocol.envelope.EnvelopeException;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.message.SealedChannelKey;
import org.iotahome.protocol.tangle.ReceivedMessage;

/**
 * Turns a message at the mailbox into a {@link Grant}: it must be MAM_DATA (PROTOCOL.md §3) whose
 * four envelopes open with the provider's key pair (§6) to roots and side keys. Anyone can post to
 * the address, so anything else is skipped with its reason.
 */
public final class GrantOpener {

    private final EnvelopeOpener opener;
    private final Clock clock;

    public GrantOpener(EnvelopeOpener opener, Clock clock) {
        this.opener = opener;
        this.clock = clock;
    }

    public Opened open(ReceivedMessage message) {
        DirectMessage read;
        try {
            read = MessageCodec.read(message.json());
        } catch (IllegalArgumentException e) {
            return new Opened.Skipped(message.bundleHash(), "not a message: " + e.getMessage());
        }
        if (!(read instanceof MamData data))
            return new Opened.Skipped(message.bundleHash(), "expected MAM_DATA, got " + read.type());
        try {
            return new Opened.Granted(new Grant(open(data.mamData().root()), sideKey(data.mamData()), open(data.consent().root()),
                    sideKey(data.consent()), clock.millis(), Grant.Status.PENDING));
        } catch (EnvelopeException e) {
            return new Opened.Skipped(message.bundleHash(), "MAM_DATA does not open with this provider's key: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Opened.Skipped(message.bundleHash(), "MAM_DATA holds no channel key: " + e.getMessage());
        }
    }

    private String open(org.iotahome.protocol.envelope.Envelope envelope) {
        return opener.open(envelope);
    }

    private SideKey sideKey(SealedChannelKey key) {
        return new SideKey(opener.open(key.sideKey()));
    }
}
