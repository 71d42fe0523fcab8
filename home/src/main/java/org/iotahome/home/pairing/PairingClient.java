package org.iotahome.home.pairing;

import io.smallrye.mutiny.subscription.Cancellable;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.pairing.SignedChallenge;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.Transaction;
import org.jboss.logging.Logger;

/**
 * My Home's side of pairing (PROTOCOL.md §3, §4 version 2). One attempt: CLAIM_DEVICE, then until
 * the deadline every CHALLENGE "from" the device is answered (each answer is bound to My Home's
 * address, so answering a forged one helps no relay), and only a CLAIM_RESULT OK whose proof
 * checks ends it in success. A NOK is taken as the answer only when no proven OK follows within
 * a grace period: anyone can post a NOK in the device's name, and a stranger's wrong answer in My
 * Home's name draws a real NOK from the device. Messages attached before this attempt's claim are
 * left over from earlier attempts and ignored. On success the device joins the household
 * (DEVICE_ADDED on the household channel, then on the consent channel, which confirms it).
 * One attempt at a time per household: the mailbox cursor is shared.
 */
public final class PairingClient {

    private static final Logger LOG = Logger.getLogger(PairingClient.class);
    public static final String DEVICE_TYPE = "P1";
    private static final String TAG = "IOTAHOME9PAIRING";
    /** Forged challenges cost My Home proof of work: at most this many are answered in one attempt. */
    static final int MAX_ANSWERS = 16;

    private final Tangle tangle;
    private final HomeIdentity identity;
    private final Channels channels;
    private final Household household;
    private final CursorStore mailboxCursor;
    private final Duration poll;
    private final Duration timeout;
    private final Duration grace;
    private final SecureRandom random;
    private final Clock clock;
    private long lastSecond;

    public PairingClient(Tangle tangle, HomeIdentity identity, Channels channels, Household household, CursorStore mailboxCursor,
            Duration poll, Duration timeout, Duration grace, SecureRandom random, Clock clock) {
        this.tangle = tangle;
        this.identity = identity;
        this.channels = channels;
        this.household = household;
        this.mailboxCursor = mailboxCursor;
        this.poll = poll;
        this.timeout = timeout;
        this.grace = grace;
        this.random = random;
        this.clock = clock;
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
        ChannelKey consent = channels.nextConsent(device);
        BlockingQueue<ReceivedMessage> fromMailbox = new LinkedBlockingQueue<>();
        Cancellable watching = new AddressWatcher(tangle, identity.address().trytes(), 0, poll, poll, poll.multipliedBy(50),
                mailboxCursor, r -> LOG.warnf("skipped bundle %s at My Home's mailbox: %s", r.bundleHash(), r.reason()))
                .messages().subscribe().with(fromMailbox::add,
                        failure -> LOG.errorf("watching My Home's mailbox failed: %s", failure.getMessage()));
        try {
            return new Attempt(device, secret, consent, progress, fromMailbox).run();
        } finally {
            watching.cancel();
        }
    }

    /** The state of one attempt, confined to the thread that runs it. */
    private final class Attempt {
        private final Address device;
        private final DeviceSecret secret;
        private final ChannelKey consent;
        private final PairingProgress progress;
        private final BlockingQueue<ReceivedMessage> mailbox;
        private final Set<Challenge> answered = new LinkedHashSet<>();
        private PairingStep last;
        private ClaimResult refusal;
        private Instant decideBy;

        Attempt(Address device, DeviceSecret secret, ChannelKey consent, PairingProgress progress, BlockingQueue<ReceivedMessage> mailbox) {
            this.device = device;
            this.secret = secret;
            this.consent = consent;
            this.progress = progress;
            this.mailbox = mailbox;
        }

        PairingOutcome run() throws IOException, InterruptedException {
            long claimedAt = send(new ClaimDevice(identity.address()));
            reach(PairingStep.CLAIM_SENT);
            decideBy = clock.instant().plus(timeout);
            while (true) {
                long wait = Duration.between(clock.instant(), decideBy).toMillis();
                if (wait <= 0) break;
                ReceivedMessage received = mailbox.poll(wait, TimeUnit.MILLISECONDS);
                if (received == null) continue;
                if (received.attachedAtMillis() < claimedAt) {
                    LOG.debugf("ignoring bundle %s at My Home's mailbox: left over from an earlier attempt", received.bundleHash());
                    continue;
                }
                DirectMessage message = decode(received);
                if (message instanceof ChallengeMessage c && c.sender().equals(device)) {
                    answer(c.challenge());
                } else if (message instanceof ClaimResult r && r.sender().equals(device)) {
                    if (r.status() == ClaimResult.Status.OK) {
                        if (proven(r)) return paired();
                        LOG.warnf("ignoring a CLAIM_RESULT OK \"from\" %s (bundle %s): its proof does not check", device,
                                received.bundleHash());
                    } else if (refusal == null) {
                        refusal = r;
                        Instant graceEnd = clock.instant().plus(grace);
                        if (graceEnd.isBefore(decideBy)) decideBy = graceEnd;
                    }
                }
            }
            if (refusal != null) {
                reach(PairingStep.RESULT_RECEIVED);
                return refused(refusal);
            }
            return new PairingOutcome.NoAnswer(last, advice(last));
        }

        private void answer(Challenge challenge) {
            if (answered.contains(challenge)) return;
            if (answered.size() >= MAX_ANSWERS) {
                LOG.warnf("not answering another CHALLENGE \"from\" %s: %d answered in this attempt already", device, MAX_ANSWERS);
                return;
            }
            answered.add(challenge);
            reach(PairingStep.CHALLENGE_RECEIVED);
            send(new AnswerChallenge(identity.address(), SignedChallenge.sign(challenge, secret),
                    PairingSeal.seal(secret, challenge, identity.address(), consent.toJson(), random)));
            reach(PairingStep.ANSWER_SENT);
        }

        private boolean proven(ClaimResult ok) {
            return ok.proof().map(p -> answered.stream().anyMatch(c -> PairingSeal.proves(p, secret, c, identity.address())))
                    .orElse(false);
        }

        private PairingOutcome paired() throws IOException {
            reach(PairingStep.RESULT_RECEIVED);
            Device paired = new Device(device, DEVICE_TYPE);
            // PROTOCOL.md §7: the wrap key lets My Home hand the device each new consent key, and read past it itself.
            household.added(paired, consent, ConsentWrapKey.derive(secret, device));
            LOG.infof("paired device %s", device);
            return new PairingOutcome.Paired(paired, consent);
        }

        private void reach(PairingStep step) {
            if (last != null && last.compareTo(step) >= 0) return;
            last = step;
            progress.reached(step);
        }

        /** Sends {@code message} to the device; returns the node's attachment time of its bundle. */
        private long send(DirectMessage message) {
            try {
                List<Transaction> attached = tangle.attach(MessageBundle.build(device.trytes(), TAG, MessageCodec.write(message),
                        nextSecond())).await().atMost(timeout);
                return attached.get(0).attachmentTimestamp();
            } catch (RuntimeException e) {
                throw new PairingException("could not send " + message.type() + " to " + device.trytes() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Each bundle its own timestamp, so a claim repeated within a second is a new bundle. */
    private synchronized long nextSecond() {
        lastSecond = Math.max(lastSecond + 1, clock.millis() / 1000);
        return lastSecond;
    }

    private static PairingOutcome refused(ClaimResult result) {
        String reason = result.reason().orElse("the device gave no reason");
        PairingOutcome.Refused.Kind kind = switch (reason) {
            case ClaimResult.ALREADY_PAIRED -> PairingOutcome.Refused.Kind.ALREADY_PAIRED;
            case ClaimResult.WRONG_ANSWER -> PairingOutcome.Refused.Kind.WRONG_SECRET;
            default -> PairingOutcome.Refused.Kind.OTHER;
        };
        return new PairingOutcome.Refused(kind, reason);
    }

    private static String advice(PairingStep last) {
        return last == PairingStep.CLAIM_SENT
                ? "The device did not answer the claim. Check that it is switched on and online, that it uses the same"
                        + " Tangle node as My Home, and that the address is the one printed on it."
                : "The device did not confirm in time. It may still be busy: try again in a minute; pairing again is safe.";
    }

    private static DirectMessage decode(ReceivedMessage received) {
        try {
            return MessageCodec.read(received.json());
        } catch (IllegalArgumentException e) { // MalformedJsonException included
            LOG.warnf("skipped bundle %s at My Home's mailbox: %s", received.bundleHash(), e.getMessage());
            return null;
        }
    }
}
