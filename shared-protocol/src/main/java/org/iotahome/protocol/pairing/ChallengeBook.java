package org.iotahome.protocol.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotahome.protocol.tangle.Address;

/**
 * The device's outstanding challenges (PROTOCOL.md §4, version 2). {@code sender} fields are not
 * authenticated, so nothing here is keyed on them in a way that could block the real claimant:
 * <ul>
 * <li>one challenge per claimant: a repeated claim gets the same challenge until it expires, so a
 *     forged claim in someone's name never replaces theirs;</li>
 * <li>only a right answer uses a challenge up; a wrong one leaves it for the real claimant;</li>
 * <li>outstanding challenges are bounded, the oldest evicted first;</li>
 * <li>answers are checked at a device-wide rate (a token bucket), never locked out per address.</li>
 * </ul>
 * Thread-safe.
 */
public final class ChallengeBook {

    /** What {@link #issue} gives: the claimant's challenge, new or the one already outstanding. */
    public record Issued(Challenge challenge, Instant expiresAt, boolean repeated) {}

    /** What {@link #answer} gives. */
    public sealed interface Answer permits Accepted, Refused {}

    /** The answer was right; the challenge is returned to open the pairing seal with. */
    public record Accepted(Challenge challenge) implements Answer {}

    public record Refused(Reason reason) implements Answer {
        public enum Reason { NO_CHALLENGE, EXPIRED, WRONG_ANSWER, THROTTLED }
    }

    private record Pending(Challenge challenge, Instant expiresAt) {}

    private final DeviceSecret secret;
    private final Clock clock;
    private final SecureRandom random;
    private final ChallengePolicy policy;
    private final Map<Address, Pending> pending = new LinkedHashMap<>();
    private double tokens;
    private Instant refilledAt;

    public ChallengeBook(DeviceSecret secret, Clock clock, SecureRandom random, ChallengePolicy policy) {
        this.secret = secret;
        this.clock = clock;
        this.random = random;
        this.policy = policy;
        this.tokens = policy.answerBurst();
        this.refilledAt = clock.instant();
    }

    /** The claimant's outstanding challenge, or a new one when it has none (or it expired). */
    public synchronized Issued issue(Address claimant) {
        Instant now = clock.instant();
        forgetExpired(now);
        Pending p = pending.get(claimant);
        if (p != null) return new Issued(p.challenge(), p.expiresAt(), true);
        makeRoom();
        Challenge c = Challenge.issue(secret, random);
        Instant expiresAt = now.plus(policy.expiry());
        pending.put(claimant, new Pending(c, expiresAt));
        return new Issued(c, expiresAt, false);
    }

    /** Checks {@code answer} against the claimant's challenge, which only a right answer uses up. */
    public synchronized Answer answer(Address claimant, SignedChallenge answer) {
        Instant now = clock.instant();
        Pending p = pending.get(claimant);
        if (p == null) return new Refused(Refused.Reason.NO_CHALLENGE);
        if (!now.isBefore(p.expiresAt())) {
            pending.remove(claimant);
            return new Refused(Refused.Reason.EXPIRED);
        }
        if (!takeToken(now)) return new Refused(Refused.Reason.THROTTLED);
        if (!SignedChallenge.sign(p.challenge(), secret).matches(answer)) return new Refused(Refused.Reason.WRONG_ANSWER);
        pending.remove(claimant);
        return new Accepted(p.challenge());
    }

    /** Outstanding challenges now; never more than the policy's capacity. */
    public synchronized int outstanding() {
        return pending.size();
    }

    private boolean takeToken(Instant now) {
        double perNano = policy.answersPerMinute() / (double) Duration.ofMinutes(1).toNanos();
        long elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos());
        tokens = Math.min(policy.answerBurst(), tokens + elapsed * perNano);
        refilledAt = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    private void forgetExpired(Instant now) {
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }

    /** Bounded memory: evicts the oldest challenge when full, so a flood of claimants cannot exhaust the device. */
    private void makeRoom() {
        Iterator<Address> oldest = pending.keySet().iterator();
        while (pending.size() >= policy.capacity() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
