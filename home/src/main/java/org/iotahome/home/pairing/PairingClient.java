package org.iotahome.home.pairing;

import io.smallrye.mutiny.subscription.Cancellable;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.Household;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Tangle;
import org.jboss.logging.Logger;

/**
 * My Home's side of pairing (PROTOCOL.md §3, §4): CLAIM_DEVICE, wait for the device's CHALLENGE,
 * ANSWER_CHALLENGE with the signed challenge and a new consent channel sealed under the pairing
 * key, wait for CLAIM_RESULT; on OK the device joins the household channel (DEVICE_ADDED).
 * One pairing at a time: the mailbox cursor is shared.
 */
public final class PairingClient {

    private static final Logger LOG = Logger.getLogger(PairingClient.class);
    public static final String DEVICE_TYPE = "P1";
    private static final String TAG = "IOTAHOME9PAIRING";
    /** Each bundle its own timestamp, so a claim repeated within a second is a new bundle. */
    private static final AtomicLong LAST_SECOND = new AtomicLong();

    private final Tangle tangle;
    private final HomeIdentity identity;
    private final Channels channels;
    private final Household household;
    private final CursorStore mailboxCursor;
    private final Duration poll;
    private final Duration timeout;
    private final SecureRandom random;

    public PairingClient(Tangle tangle, HomeIdentity identity, Channels channels, Household household, CursorStore mailboxCursor,
            Duration poll, Duration timeout, SecureRandom random) {
        this.tangle = tangle;
        this.identity = identity;
        this.channels = channels;
        this.household = household;
        this.mailboxCursor = mailboxCursor;
        this.poll = poll;
        this.timeout = timeout;
        this.random = random;
    }

    public PairingOutcome pair(PairingText text) throws IOException, InterruptedException {
        return pair(text, PairingProgress.NONE);
    }

    public PairingOutcome pair(PairingText text, PairingProgress progress) throws IOException, InterruptedException {
        return pair(text.address(), text.secret(), progress);
    }

    public PairingOutcome pair(Address device, DeviceSecret secret) throws IOException, InterruptedException {
        return pair(device, secret, PairingProgress.NONE);
    }

    public synchronized PairingOutcome pair(Address device, DeviceSecret secret, PairingProgress progress)
            throws IOException, InterruptedException {
        BlockingQueue<DirectMessage> fromDevice = new LinkedBlockingQueue<>();
        Cancellable watching = new AddressWatcher(tangle, identity.address().trytes(), 0, poll, poll, poll.multipliedBy(50),
                mailboxCursor, r -> LOG.warnf("skipped bundle %s at My Home's mailbox: %s", r.bundleHash(), r.reason()))
                .messages().subscribe().with(m -> {
                    DirectMessage message = decode(m.json());
                    if (message != null && device.equals(senderOf(message))) fromDevice.add(message);
                }, failure -> LOG.errorf("watching My Home's mailbox failed: %s", failure.getMessage()));
        try {
            send(device, new ClaimDevice(identity.address()));
            DirectMessage first = next(fromDevice, "CHALLENGE");
            progress.reached(PairingStep.CLAIM_SENT);
            if (first instanceof ClaimResult refused) return refusal(refused);
            if (!(first instanceof ChallengeMessage challenge))
                throw new PairingException("expected CHALLENGE from device " + device.trytes() + ", got " + first.type());
            ChannelKey consent = channels.createConsent();
            send(device, new AnswerChallenge(identity.address(), SignedChallenge.sign(challenge.challenge(), secret),
                    PairingSeal.seal(secret, challenge.challenge(), consent.toJson(), random)));
            DirectMessage second = next(fromDevice, "CLAIM_RESULT");
            if (!(second instanceof ClaimResult result))
                throw new PairingException("expected CLAIM_RESULT from device " + device.trytes() + ", got " + second.type());
            if (result.status() == ClaimResult.Status.NOK) return refusal(result);
            Device paired = new Device(device, DEVICE_TYPE);
            household.added(paired, consent);
            return new PairingOutcome.Paired(paired, consent);
        } finally {
            watching.cancel();
        }
    }

    private static PairingOutcome refusal(ClaimResult result) {
        return new PairingOutcome.Refused(PairingOutcome.Refused.Kind.OTHER, result.reason().orElse("the device gave no reason"));
    }

    private DirectMessage next(BlockingQueue<DirectMessage> queue, String expected) throws InterruptedException {
        DirectMessage message = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null)
            throw new PairingException("no " + expected + " from the device within " + timeout.toSeconds()
                    + " s: is it running, online and unpaired, and is the address right?");
        return message;
    }

    private void send(Address to, DirectMessage message) {
        long second = LAST_SECOND.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() / 1000));
        try {
            tangle.attach(MessageBundle.build(to.trytes(), TAG, MessageCodec.write(message), second)).await().atMost(timeout);
        } catch (RuntimeException e) {
            throw new PairingException("could not send " + message.type() + " to " + to.trytes() + ": " + e.getMessage(), e);
        }
    }

    private static DirectMessage decode(String json) {
        try {
            return MessageCodec.read(json);
        } catch (IllegalArgumentException e) { // MalformedJsonException included {
            LOG.warnf("skipped a message at My Home's mailbox: %s", e.getMessage());
            return null;
        }
    }

    private static Address senderOf(DirectMessage message) {
        if (message instanceof ChallengeMessage c) return c.sender();
        if (message instanceof ClaimResult r) return r.sender();
        return null;
    }
}
