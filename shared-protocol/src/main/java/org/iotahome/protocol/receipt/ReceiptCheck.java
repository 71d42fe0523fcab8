package org.iotahome.protocol.receipt;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.DeviceDeleted;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.DecodedMessage;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSource;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.trinary.AsciiTrytes;

/**
 * What the Tangle says of a receipt: whether the bundle it names holds, at its consent root, the
 * AUTHORIZED it states (signed for that channel), and whether that consent was in force at a given
 * time: given by then, and not yet revoked, ended by the device's deletion, or expired. The
 * receipt's side key reads the channel until My Home next rotates it; past a rotation it cannot
 * open, the answer is {@link Status#UNKNOWN} (a provider passes a {@link KeySchedule} that follows
 * the rotations including it).
 */
public final class ReceiptCheck {

    public enum Status {
        /** The time asked about is before the consent was given. */
        NOT_YET_GIVEN,
        IN_FORCE,
        REVOKED,
        EXPIRED,
        DEVICE_DELETED,
        /** After the last message this key could read: the channel's key was rotated since. */
        UNKNOWN
    }

    /**
     * The answer: a problem when the receipt's event is not on the Tangle as stated; otherwise the
     * status at {@code at}, when the consent ended (if it has), how far the key read (when it could
     * not read to the channel's end) and how many events followed the AUTHORIZED.
     */
    public record Result(Optional<String> problem, Status status, Instant at, Optional<Instant> endedAt, Optional<Instant> readThrough,
            int laterEvents) {

        public boolean onTangle() {
            return problem.isEmpty();
        }

        static Result notOnTangle(String problem, Instant at) {
            return new Result(Optional.of(problem), Status.UNKNOWN, at, Optional.empty(), Optional.empty(), 0);
        }
    }

    private final Tangle tangle;
    private final MessageSource source;
    private final Duration timeout;

    public ReceiptCheck(Tangle tangle, MessageSource source, Duration timeout) {
        this.tangle = tangle;
        this.source = source;
        this.timeout = timeout;
    }

    public Result check(ConsentReceipt.Anchor anchor, KeySchedule keys, Instant at) throws IOException {
        if (!MamMode.RESTRICTED.address(anchor.consentRoot()).equals(anchor.address()))
            return Result.notOnTangle("the receipt's address is not where its consent root's message sits", at);
        SideKey key = new SideKey(anchor.consentSideKey());
        Optional<EventBundle.Found> found = EventBundle.at(tangle, anchor.consentRoot(), key, Optional.of(anchor.bundleHash()), timeout);
        if (found.isEmpty())
            return Result.notOnTangle("no bundle " + anchor.bundleHash() + " at " + anchor.address() + " holds a message of this consent channel", at);
        DecodedMessage m = found.get().message();
        ChannelEvent event;
        try {
            event = EventCodec.read(AsciiTrytes.fromTrytes(m.message()));
        } catch (IllegalArgumentException e) {
            return Result.notOnTangle("bundle " + anchor.bundleHash() + " holds no event: " + e.getMessage(), at);
        }
        if (!(event instanceof Authorized a) || !anchor.describes(a))
            return Result.notOnTangle("bundle " + anchor.bundleHash() + " holds another event than the receipt states (" + event.type() + ")", at);

        SideKey next = keys.after(new ChannelMessage(anchor.consentRoot(), m.index(), m.message(), m.nextRoot(), key), key);
        EventWalk.Result later = EventWalk.walk(source, new ChannelKey(m.nextRoot(), next.trytes()), keys);
        Status ending = null;
        Optional<Instant> ended = Optional.empty();
        for (EventWalk.Entry e : later.entries()) {
            ChannelEvent ev = e.event();
            if (ev instanceof AuthorizationRevoked r && r.policy().serviceProvider().iotaAddress().equals(anchor.provider())
                    && r.policy().device().iotaAddress().equals(anchor.device())) {
                ending = Status.REVOKED;
            } else if (ev instanceof DeviceDeleted) {
                ending = Status.DEVICE_DELETED;
            } else {
                continue;
            }
            ended = Optional.of(Instant.ofEpochMilli(ev.timestamp()));
            break;
        }
        Optional<Instant> expires = anchor.expires();
        if (expires.isPresent() && (ended.isEmpty() || expires.get().isBefore(ended.get()))) {
            ending = Status.EXPIRED;
            ended = expires;
        }
        // A message after the last one read that this key cannot open: the channel's key was rotated without it.
        boolean unread = !source.payloadsAt(MamMode.RESTRICTED.address(later.nextRoot())).isEmpty();
        long lastRead = later.entries().isEmpty() ? anchor.timestamp() : later.entries().get(later.entries().size() - 1).event().timestamp();
        Optional<Instant> readThrough = unread ? Optional.of(Instant.ofEpochMilli(lastRead)) : Optional.empty();

        Status status;
        if (at.isBefore(Instant.ofEpochMilli(anchor.timestamp()))) status = Status.NOT_YET_GIVEN;
        else if (ended.isPresent() && !at.isBefore(ended.get())) status = ending;
        else if (readThrough.isPresent() && at.isAfter(readThrough.get())) status = Status.UNKNOWN;
        else status = Status.IN_FORCE;
        return new Result(Optional.empty(), status, at, ended, readThrough, later.entries().size());
    }
}
