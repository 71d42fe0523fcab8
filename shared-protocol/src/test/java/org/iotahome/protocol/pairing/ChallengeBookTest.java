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
import org.iotahome.protocol.pairing.ChallengeBook.Throttled;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

class ChallengeBookTest {

    private static final Address HOME = new Address("A".repeat(81));
    private static final Address OTHER = new Address("B".repeat(81));
    private static final ChallengePolicy POLICY =
            new ChallengePolicy(Duration.ofMinutes(5), 3, Duration.ofMinutes(1), Duration.ofMinutes(10), 4);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final DeviceSecret secret = DeviceSecret.generate(new SecureRandom());
    private final ChallengeBook book = new ChallengeBook(secret, clock, new SecureRandom(), POLICY);

    private Challenge issue(Address claimant) {
        return ((Issued) book.issue(claimant)).challenge();
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
    void aWrongAnswerUsesTheChallengeUp() {
        Challenge c = issue(HOME);
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isEqualTo(new Refused(Reason.NO_CHALLENGE));
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
    void aNewChallengeReplacesTheClaimantsEarlierOne() {
        Challenge first = issue(HOME);
        Challenge second = issue(HOME);
        assertThat(book.answer(HOME, SignedChallenge.sign(first, secret))).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        issue(HOME);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void repeatedWrongAnswersLockTheClaimantOutWithDoublingLockouts() {
        for (int i = 0; i < 3; i++) {
            issue(HOME);
            assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        }
        Instant lockedAt = clock.instant();
        assertThat(book.issue(HOME)).isEqualTo(new Throttled(lockedAt.plus(Duration.ofMinutes(1))));
        assertThat(book.issue(OTHER)).isInstanceOf(Issued.class); // per claimant
        clock.advance(Duration.ofMinutes(1));
        issue(HOME);
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(book.issue(HOME)).isEqualTo(new Throttled(clock.instant().plus(Duration.ofMinutes(2))));
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.THROTTLED));
    }

    @Test
    void aRightAnswerClearsTheStrikes() {
        for (int i = 0; i < 2; i++) {
            issue(HOME);
            book.answer(HOME, wrong());
        }
        Challenge c = issue(HOME);
        assertThat(book.answer(HOME, SignedChallenge.sign(c, secret))).isInstanceOf(Accepted.class);
        issue(HOME);
        assertThat(book.answer(HOME, wrong())).isEqualTo(new Refused(Reason.WRONG_ANSWER));
        assertThat(book.issue(HOME)).isInstanceOf(Issued.class);
    }

    @Test
    void lockoutsStopGrowingAtTheMaximum() {
        assertThat(POLICY.lockoutAfter(2)).isEqualTo(Duration.ZERO);
        assertThat(POLICY.lockoutAfter(3)).isEqualTo(Duration.ofMinutes(1));
        assertThat(POLICY.lockoutAfter(5)).isEqualTo(Duration.ofMinutes(4));
        assertThat(POLICY.lockoutAfter(50)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void remembersAtMostCapacityClaimantsForgettingTheOldest() {
        Challenge first = issue(new Address("C".repeat(81)));
        for (char c : "DEFG".toCharArray()) issue(new Address(String.valueOf(c).repeat(81)));
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
