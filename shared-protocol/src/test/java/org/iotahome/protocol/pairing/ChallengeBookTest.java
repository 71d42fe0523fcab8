package org.iotahome.protocol.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.iotahome.protocol.pairing.ChallengeBook.Accepted;
import org.iotahome.protocol.pairing.ChallengeBook.Issued;
import org.iotahome.protocol.pairing.ChallengeBook.Refused;
import org.iotahome.protocol.pairing.ChallengeBook.Refused.Reason;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

class ChallengeBookTest {

    private static final Address HOME = new Address("A".repeat(81));
    private static final Address OTHER = new Address("B".repeat(81));
    private static final Address OTHER_CLAIMED = HOME;
    private static final ChallengePolicy POLICY = new ChallengePolicy(Duration.ofMinutes(5), 4, 60, 3);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final DeviceSecret secret = DeviceSecret.generate(new SecureRandom());
    private final ChallengeBook book = new ChallengeBook(secret, clock, new SecureRandom(), POLICY);

    private Challenge issue(Address claimant) {
        return book.issue(claimant).challenge();
    }

    private static SignedChallenge wrong() {
        return new SignedChallenge("9".repeat(81));
    }

    @Test
    void acceptsTheRightAnswerOnceAndReturnsTheChallenge() {
        Challenge c = issue(HOME);
        assertThat(c.trytes()).hasSize(243 - secret.trytes().length());
        SignedChallenge answer = SignedChallenge.sign(c, secret);
        assertThat(book.answer(HOME, answer)).isEqualTo(new Accepted(c));
        assertThat(book.answer(HOME, answer)).isEqualTo(new Refused(Reason.NO_CHALLENGE));
    }

    @Test
    void aWrongAnswerLeavesTheChallengeForTheRealClaimant() {
        Challenge c = issue(HOME);
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isEqualTo(new Accepted(c));
    }

    @Test
    void anAnswerAfterExpiryIsRefused() {
        Challenge c = issue(HOME);
        clock.advance(Duration.ofMinutes(5));
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void anAnswerToAnotherClaimantsChallengeIsRefused() {
        Challenge c = issue(HOME);
        assertThat(book.answer(OTHER, SignedChallenge.sign(c, secret))).isEqualTo(new Refused(Reason.NO_CHALLENGE));
    }

    @Test
    void aRepeatedClaimGetsTheSameChallengeUntilItExpires() {
        Issued first = book.issue(HOME);
        clock.advance(Duration.ofMinutes(4));
        Issued again = book.issue(HOME);
        assertThat(first.repeated()).isFalse();
        assertThat(again).isEqualTo(new Issued(first.challenge(), first.expiresAt(), true));
        clock.advance(Duration.ofMinutes(1));
        Issued fresh = book.issue(HOME);
        assertThat(fresh.repeated()).isFalse();
        assertThat(fresh.challenge()).isNotEqualTo(first.challenge());
    }

    @Test
    void wrongAnswersFasterThanTheRateAreNotCheckedButNeverLockAnAddressOut() {
        Challenge c = issue(HOME);
        for (int i = 0; i < POLICY.answerBurst(); i++) assertThat(book.answer(OTHER_CLAIMED, wrong())).isNotEqualTo(new Refused(Reason.THROTTLED));
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isEqualTo(new Refused(Reason.THROTTLED));
        clock.advance(Duration.ofSeconds(1)); // 60 a minute: one more check a second
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isEqualTo(new Accepted(c));
    }

    @Test
    void aStrangerClaimingAndAnsweringWronglyOnceASecondInMyHomesNameNeverStopsMyHome() {
        ChallengeBook b = new ChallengeBook(secret, clock, new SecureRandom(), ChallengePolicy.DEFAULT);
        for (int second = 0; second < 900; second++) {
            b.issue(HOME); // the stranger's claim: never a new challenge while one is outstanding
            assertThat(b.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
            clock.advance(Duration.ofSeconds(1));
        }
        Challenge mine = b.issue(HOME).challenge(); // My Home's claim gets the outstanding challenge
        assertThat(b.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(b.answer(HOME, SignedChallenge.sign(mine, secret))).isEqualTo(new Accepted(mine));
    }

    @Test
    void outstandingChallengesAreBoundedEvictingTheOldest() {
        Challenge first = issue(new Address("C".repeat(81)));
        for (char c : "DEFG".toCharArray()) issue(new Address(String.valueOf(c).repeat(81)));
        assertThat(book.outstanding()).isEqualTo(POLICY.capacity());
        assertThat(book.answer(new Address("C".repeat(81)), SignedChallenge.sign(first, secret)))
                .isEqualTo(new Refused(Reason.NO_CHALLENGE));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
