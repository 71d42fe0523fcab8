package org.iotahome.provider.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.provider.inbox.Grant;

/**
 * Whether a pending grant is confirmed (PROTOCOL.md §7): the consent channel its MAM_DATA names
 * must start, at the root given, with an AUTHORIZED whose {@code serviceProvider} is this
 * provider's own address and public key, not revoked since; its {@code expires=} condition says
 * when the grant ends by itself. Only the holder of the consent
 * channel's seed (My Home) can write there, so a MAM_DATA forged by anyone else never passes.
 */
public final class ConsentCheck {

    /** What a check found. */
    public enum Verdict {
        /** The household's own record names this provider: follow the grant. */
        CONFIRMED,
        /** Nothing at the consent root yet: ask again later. */
        NOT_YET,
        /** The consent channel does not authorize this provider (forged, or revoked since). */
        REFUSED
    }

    /** A verdict, and for a confirmed grant when its consent ends by itself (the AUTHORIZED's {@code expires=}). */
    public record Finding(Verdict verdict, Optional<Instant> expires) {

        static Finding of(Verdict verdict) {
            return new Finding(verdict, Optional.empty());
        }

        /** The end date as ms since the epoch, for the grant. */
        public OptionalLong expiresAt() {
            return expires.map(e -> OptionalLong.of(e.toEpochMilli())).orElse(OptionalLong.empty());
        }
    }

    /** Messages read past the AUTHORIZED at most, looking for a revocation. */
    static final int MAX_MESSAGES = 10_000;

    private final ChannelReader reader;
    private final Address self;
    private final EnvelopePublicKey publicKey;
    private final RotatedKeys keys;

    public ConsentCheck(MessageSource source, Address self, EnvelopePublicKey publicKey, RotatedKeys keys) {
        this.reader = new ChannelReader(source);
        this.self = self;
        this.publicKey = publicKey;
        this.keys = keys;
    }

    /** Reads the grant's consent channel from its root; blocking. A node fault is an {@link UncheckedIOException}. */
    public Finding check(Grant grant) {
        String root = grant.consentRoot();
        SideKey key = grant.consentSideKey();
        Authorized authorized = null;
        try {
            for (int read = 0; read < MAX_MESSAGES; read++) {
                ReadResult r = reader.read(root, MamMode.RESTRICTED, key, 1);
                if (r.messages().isEmpty()) break;
                ReadResult.ReadMessage m = r.messages().get(0);
                ChannelEvent event = event(m);
                if (read == 0) {
                    if (!(event instanceof Authorized a && isMe(a.policy().serviceProvider()))) return Finding.of(Verdict.REFUSED);
                    authorized = a;
                } else if (event instanceof AuthorizationRevoked rv && isMe(rv.policy().serviceProvider())
                        || event instanceof DeviceDeleted) {
                    return Finding.of(Verdict.REFUSED);
                }
                key = keys.after(new ChannelMessage(m.root(), m.index(), m.message(), m.nextRoot(), key), key);
                root = r.nextRoot();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the consent channel " + root + ": " + e.getMessage(), e);
        }
        return authorized == null ? Finding.of(Verdict.NOT_YET) : new Finding(Verdict.CONFIRMED, ConsentExpiry.of(authorized.policy()));
    }

    /** PROTOCOL.md §7: confirmed only for this provider's own address and key, so another's consent is no grant. */
    boolean isMe(ServiceProvider provider) {
        return provider.iotaAddress().equals(self) && provider.publicKey().equals(publicKey);
    }

    private static ChannelEvent event(ReadResult.ReadMessage m) {
        try {
            return EventCodec.read(AsciiTrytes.fromTrytes(m.message()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
