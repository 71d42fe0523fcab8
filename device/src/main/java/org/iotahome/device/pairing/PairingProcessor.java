package org.iotahome.device.pairing;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.message.AnswerChallenge;
import org.iotahome.protocol.message.ChallengeMessage;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.ClaimResult;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.ChallengeBook;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingSeal;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.jboss.logging.Logger;

/**
 * The device's side of pairing (PROTOCOL.md §3, §4 version 2): CLAIM_DEVICE → CHALLENGE (the
 * claimant's outstanding one); ANSWER_CHALLENGE → the answer checked by the {@link ChallengeBook},
 * the consent channel key opened with the pairing seal bound to the claimant's address, the pending
 * pairing saved, then CLAIM_RESULT OK with its proof; anything wrong → CLAIM_RESULT NOK with the
 * reason. A pending pairing is replaced by the next right answer; a confirmed one (DEVICE_ADDED read
 * on its consent channel) refuses every claim until deleted or reset. Messages of other types, and
 * malformed ones, get no answer: anyone can post here. The secret is never logged.
 *
 * <p>Blocking (the pairing is written to disk): call it from a worker thread, one message at a time.
 */
public final class PairingProcessor {

    private static final Logger LOG = Logger.getLogger(PairingProcessor.class);

    private final Address device;
    private final DeviceSecret secret;
    private final ChallengeBook book;
    private final PairingStore store;
    private final SecureRandom random;

    public PairingProcessor(Address device, DeviceSecret secret, ChallengeBook book, PairingStore store, SecureRandom random) {
        this.device = device;
        this.secret = secret;
        this.book = book;
        this.store = store;
        this.random = random;
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
        if (confirmed()) return refuse(claimant, ClaimResult.ALREADY_PAIRED);
        ChallengeBook.Issued issued = book.issue(claimant);
        LOG.infof("claim from %s: %s challenge sent, valid until %s", claimant, issued.repeated() ? "its outstanding" : "a new",
                issued.expiresAt());
        return new Reply(claimant, new ChallengeMessage(device, issued.challenge()));
    }

    private Reply answer(AnswerChallenge answer) throws IOException {
        Address claimant = answer.sender();
        if (confirmed()) return refuse(claimant, ClaimResult.ALREADY_PAIRED);
        ChallengeBook.Answer checked = book.answer(claimant, answer.signedChallenge());
        if (checked instanceof ChallengeBook.Refused r) return refuse(claimant, reason(r.reason()));
        Challenge challenge = ((ChallengeBook.Accepted) checked).challenge();
        ChannelKey consent;
        try {
            // PROTOCOL.md §4 v2: sealed for the address the challenge was issued to, so a relayed answer never opens.
            consent = ChannelKey.parse(PairingSeal.open(secret, challenge, claimant, answer.channel()));
        } catch (IllegalArgumentException e) {
            return refuse(claimant, "the sealed consent channel does not open for this sender: " + e.getMessage());
        }
        Pairing pairing = Pairing.pending(claimant, consent);
        // Saved before OK goes out: a device that said OK follows that consent channel after any crash.
        // Pending until DEVICE_ADDED is read there; until then a new right answer replaces it.
        store.save(pairing);
        LOG.infof("pairing pending: %s", pairing);
        return new Reply(claimant, ClaimResult.ok(device, PairingSeal.prove(secret, challenge, claimant, random)));
    }

    private boolean confirmed() {
        return store.load().map(Pairing::confirmed).orElse(false);
    }

    private static String reason(ChallengeBook.Refused.Reason reason) {
        return switch (reason) {
            case NO_CHALLENGE -> "no challenge outstanding for this sender: claim first";
            case EXPIRED -> "the challenge expired: claim again";
            case WRONG_ANSWER -> ClaimResult.WRONG_ANSWER;
            case THROTTLED -> "too many answers to check right now: answer again in a few seconds";
        };
    }

    private Reply refuse(Address claimant, String reason) {
        LOG.infof("claim from %s refused: %s", claimant, reason);
        return new Reply(claimant, ClaimResult.nok(device, reason));
    }
}
