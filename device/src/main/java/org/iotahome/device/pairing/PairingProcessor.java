package org.iotahome.device.pairing;

import java.io.IOException;
import java.util.Optional;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.ChallengeBook;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.jboss.logging.Logger;

/**
 * The device's side of pairing (PROTOCOL.md §3, §4): CLAIM_DEVICE → CHALLENGE; ANSWER_CHALLENGE →
 * the answer checked by the {@link ChallengeBook} (single-use, expiring, throttled), the consent
 * channel key opened with the pairing seal, the pairing saved, then CLAIM_RESULT OK; anything
 * wrong → CLAIM_RESULT NOK with the reason. A paired device refuses every claim until it is
 * unpaired. Messages of other types, and malformed ones, get no answer: anyone can post here.
 *
 * <p>Blocking (the pairing is written to disk): call it from a worker thread, one message at a time.
 */
public final class PairingProcessor {

    private static final Logger LOG = Logger.getLogger(PairingProcessor.class);

    static final String ALREADY_PAIRED = "already paired";

    private final Address device;
    private final DeviceSecret secret;
    private final ChallengeBook book;
    private final PairingStore store;

    public PairingProcessor(Address device, DeviceSecret secret, ChallengeBook book, PairingStore store) {
        this.device = device;
        this.secret = secret;
        this.book = book;
        this.store = store;
    }

    /** The answer to one received message, if it deserves one. */
    public Optional<Reply> handle(ReceivedMessage received) throws IOException {
        DirectMessage message;
        try {
            message = MessageCodec.read(received.json());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping bundle %s at the device address: %s", received.bundleHash(), e.getMessage());
            return Optional.empty();
        }
        if (message instanceof ClaimDevice claim) return Optional.of(claim(claim.sender()));
        if (message instanceof AnswerChallenge answer) return Optional.of(answer(answer));
        LOG.infof("ignoring a %s at the device address (bundle %s): the device answers only claims", message.type(),
                received.bundleHash());
        return Optional.empty();
    }

    private Reply claim(Address claimant) {
        if (store.load().isPresent()) return refuse(claimant, ALREADY_PAIRED);
        ChallengeBook.Issue issue = book.issue(claimant);
        if (issue instanceof ChallengeBook.Throttled t)
            return refuse(claimant, "too many wrong answers; claim again after " + t.until());
        ChallengeBook.Issued issued = (ChallengeBook.Issued) issue;
        LOG.infof("claim from %s: challenge sent, valid until %s", claimant, issued.expiresAt());
        return new Reply(claimant, new ChallengeMessage(device, issued.challenge()));
    }

    private Reply answer(AnswerChallenge answer) throws IOException {
        Address claimant = answer.sender();
        if (store.load().isPresent()) return refuse(claimant, ALREADY_PAIRED);
        ChallengeBook.Answer checked = book.answer(claimant, answer.signedChallenge());
        if (checked instanceof ChallengeBook.Refused r) return refuse(claimant, reason(r.reason()));
        ChallengeBook.Accepted accepted = (ChallengeBook.Accepted) checked;
        ChannelKey consent;
        try {
            consent = ChannelKey.parse(PairingSeal.open(secret, accepted.challenge(), answer.channel()));
        } catch (IllegalArgumentException e) {
            return refuse(claimant, "the sealed consent channel does not open to a channel key: " + e.getMessage());
        }
        Pairing pairing = new Pairing(claimant, consent);
        // Saved before OK goes out: a device that said OK is paired after any crash.
        store.save(pairing);
        LOG.infof("paired: %s", pairing);
        return new Reply(claimant, ClaimResult.ok(device));
    }

    private static String reason(ChallengeBook.Refused.Reason reason) {
        return switch (reason) {
            case NO_CHALLENGE -> "no challenge outstanding for this sender: claim first";
            case EXPIRED -> "the challenge expired: claim again";
            case WRONG_ANSWER -> "wrong answer to the challenge";
            case THROTTLED -> "too many wrong answers: wait before claiming again";
        };
    }

    private Reply refuse(Address claimant, String reason) {
        LOG.infof("claim from %s refused: %s", claimant, reason);
        return new Reply(claimant, ClaimResult.nok(device, reason));
    }
}
