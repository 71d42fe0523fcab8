package org.iotahome.home.pairing;

import io.smallrye.mutiny.subscription.Cancellable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.ChallengeBook;
import org.iotahome.protocol.pairing.ChallengePolicy;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Tangle;

/** A device's side of pairing as a test plays it, with the shared-protocol classes the device uses. */
public final class TestDevice implements AutoCloseable {

    private static final AtomicLong SECONDS = new AtomicLong(1_700_000_000L);

    public final Address address;
    public final DeviceSecret secret;
    public final AtomicReference<ChannelKey> consent = new AtomicReference<>();
    private final Tangle tangle;
    private final ChallengeBook book;
    private final Cancellable running;

    final AtomicInteger claims = new AtomicInteger();
    private final boolean silent;

    public TestDevice(Tangle tangle, Address address) {
        this(tangle, address, false);
    }

    /** A {@code silent} device reads claims but never answers. */
    TestDevice(Tangle tangle, Address address, boolean silent) {
        this.silent = silent;
        this.tangle = tangle;
        this.address = address;
        this.secret = DeviceSecret.generate(new SecureRandom());
        this.book = new ChallengeBook(secret, Clock.systemUTC(), new SecureRandom(), ChallengePolicy.DEFAULT);
        Duration fast = Duration.ofMillis(10);
        this.running = new AddressWatcher(tangle, address.trytes(), 0, fast, fast, fast, CursorStore.none(), r -> {})
                .messages().subscribe().with(m -> handle(MessageCodec.read(m.json())));
    }

    private void handle(DirectMessage message) {
        if (message instanceof ClaimDevice claim) {
            claims.incrementAndGet();
            if (silent) return;
            send(claim.sender(), new ChallengeMessage(address, book.issue(claim.sender()).challenge()));
        } else if (message instanceof AnswerChallenge answer) {
            // Silent means silent: a NOK to an answer it never asked for would race the test's timeout.
            if (silent) return;
            ChallengeBook.Answer verdict = book.answer(answer.sender(), answer.signedChallenge());
            if (verdict instanceof ChallengeBook.Accepted accepted) {
                consent.set(ChannelKey.parse(PairingSeal.open(secret, accepted.challenge(), answer.sender(), answer.channel())));
                send(answer.sender(), ClaimResult.ok(address, PairingSeal.prove(secret, accepted.challenge(), answer.sender(), new SecureRandom())));
            } else {
                send(answer.sender(), ClaimResult.nok(address, ClaimResult.WRONG_ANSWER));
            }
        }
    }

    void send(Address to, DirectMessage message) {
        tangle.attach(MessageBundle.build(to.trytes(), "IOTAHOME9DEVICE", MessageCodec.write(message), SECONDS.incrementAndGet()))
                .await().atMost(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        running.cancel();
    }
}
