package org.iotahome.device.pairing;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Tangle;

/** My Home's side of pairing, as a test drives it: the same domain classes My Home uses. */
final class TestHome implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Each bundle gets its own time, so a message sent twice is two bundles, not a reattachment of one. */
    private static final java.util.concurrent.atomic.AtomicLong SECONDS = new java.util.concurrent.atomic.AtomicLong(1_700_000_000L);

    final Address address;
    private final Tangle tangle;
    private final AssertSubscriber<DirectMessage> inbox;

    TestHome(Tangle tangle, Address address) {
        this.tangle = tangle;
        this.address = address;
        Duration fast = Duration.ofMillis(10);
        this.inbox = new AddressWatcher(tangle, address.trytes(), 0, fast, fast, fast, CursorStore.none(), r -> {})
                .messages().map(m -> MessageCodec.read(m.json()))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    void send(Address to, DirectMessage message) {
        tangle.attach(MessageBundle.build(to.trytes(), "IOTAHOME9HOME", MessageCodec.write(message), SECONDS.incrementAndGet()))
                .await().atMost(WAIT);
    }

    void claim(Address device) {
        send(device, new ClaimDevice(address));
    }

    /** The answer My Home gives when the user typed {@code secret}. */
    AnswerChallenge answer(ChallengeMessage challenge, DeviceSecret secret, ChannelKey consent) {
        return new AnswerChallenge(address, SignedChallenge.sign(challenge.challenge(), secret),
                PairingSeal.seal(secret, challenge.challenge(), address, consent.toJson(), new SecureRandom()));
    }

    /** Whether {@code result} is an OK that proves the device opened this home's seal for {@code challenge}. */
    boolean provenOk(DirectMessage result, ChallengeMessage challenge, DeviceSecret secret) {
        return result instanceof ClaimResult r && r.status() == ClaimResult.Status.OK
                && r.proof().map(p -> PairingSeal.proves(p, secret, challenge.challenge(), address)).orElse(false);
    }

    /** The {@code n}-th message (1-based) the home received, waiting for it. */
    DirectMessage received(int n) {
        inbox.awaitItems(n, WAIT);
        return inbox.getItems().get(n - 1);
    }

    List<DirectMessage> all() {
        return inbox.getItems();
    }

    @Override
    public void close() {
        inbox.cancel();
    }
}
