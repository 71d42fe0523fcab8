package org.iotahome.protocol.pairing;

import java.time.Duration;

/**
 * How long a challenge lives and how wrong answers are throttled (docs/envelopes-and-pairing.md).
 *
 * @param expiry         a challenge not answered within this time is refused
 * @param freeAttempts   wrong answers a claimant may give before being locked out
 * @param firstLockout   the lockout after the last free attempt; it doubles with each further wrong answer
 * @param maxLockout     the lockout never grows beyond this
 * @param capacity       claimants remembered at once (challenges and strikes); the oldest are forgotten
 */
public record ChallengePolicy(Duration expiry, int freeAttempts, Duration firstLockout, Duration maxLockout, int capacity) {

    public static final ChallengePolicy DEFAULT =
            new ChallengePolicy(Duration.ofMinutes(5), 3, Duration.ofMinutes(1), Duration.ofHours(1), 1024);

    public ChallengePolicy {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) throw new IllegalArgumentException("expiry must be positive");
        if (freeAttempts < 1) throw new IllegalArgumentException("freeAttempts must be at least 1, was " + freeAttempts);
        if (firstLockout == null || firstLockout.isNegative() || firstLockout.isZero())
            throw new IllegalArgumentException("firstLockout must be positive");
        if (maxLockout == null || maxLockout.compareTo(firstLockout) < 0)
            throw new IllegalArgumentException("maxLockout must be at least firstLockout");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }

    /** The lockout after {@code strikes} wrong answers in a row; zero while free attempts remain. */
    Duration lockoutAfter(int strikes) {
        if (strikes < freeAttempts) return Duration.ZERO;
        int doublings = Math.min(strikes - freeAttempts, 30);
        Duration d = firstLockout.multipliedBy(1L << doublings);
        return d.compareTo(maxLockout) > 0 ? maxLockout : d;
    }
}
