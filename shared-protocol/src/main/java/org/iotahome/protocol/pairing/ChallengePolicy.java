package org.iotahome.protocol.pairing;

import java.time.Duration;

/**
 * How long a challenge lives, how many are outstanding, and how fast the device checks wrong
 * answers (PROTOCOL.md §4; docs/envelopes-and-pairing.md).
 *
 * @param expiry             a challenge not answered within this time is refused
 * @param capacity           claimants with an outstanding challenge at once; the oldest is evicted
 * @param answersPerMinute   the device-wide rate at which answers are checked once the burst is spent
 * @param answerBurst        answers that may be checked at once before the rate applies
 */
public record ChallengePolicy(Duration expiry, int capacity, int answersPerMinute, int answerBurst) {

    /**
     * 120 answers a minute: twice the rate of a stranger posting one wrong answer a second, so
     * such spam never keeps the real answer from being checked, while an online search of a
     * 20-tryte (95-bit) secret at 2 guesses a second stays hopeless.
     */
    public static final ChallengePolicy DEFAULT = new ChallengePolicy(Duration.ofMinutes(5), 1024, 120, 20);

    public ChallengePolicy {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) throw new IllegalArgumentException("expiry must be positive");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        if (answersPerMinute < 1) throw new IllegalArgumentException("answersPerMinute must be at least 1, was " + answersPerMinute);
        if (answerBurst < 1) throw new IllegalArgumentException("answerBurst must be at least 1, was " + answerBurst);
    }

    public ChallengePolicy withExpiry(Duration expiry) {
        return new ChallengePolicy(expiry, capacity, answersPerMinute, answerBurst);
    }
}
