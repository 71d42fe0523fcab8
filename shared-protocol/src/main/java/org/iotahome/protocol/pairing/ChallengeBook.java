package org.iotahome.protocol.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotahome.protocol.tangle.Address;

/**
 * The device's outstanding challenges (PROTOCOL.md §4): one per claimant, single-use (an answer
 * consumes it, right or wrong), expiring, and wrong answers throttled per claimant. The
 * throttle slows a guesser down; the secret's length is what makes guessing hopeless, since
 * anyone can claim from many addresses. Thread-safe.
 */
public final class ChallengeBook {

    /** What {@link #issue} gives. */
    public sealed interface Issue permits Issued, Throttled {}

    public record Issued(Challenge challenge, Instant expiresAt) implements Issue {}

    public record Throttled(Instant until) implements Issue {}

    /** What {@link #answer} gives. */
    public sealed interface Answer permits Accepted, Refused {}

    /** The answer was right; the challenge is returned to open the pairing seal with. */
    public record Accepted(Challenge challenge) implements Answer {}

    public record Refused(Reason reason) implements Answer {
        public enum Reason { NO_CHALLENGE, EXPIRED, WRONG_ANSWER, THROTTLED }
    }

    private record Pending(Challenge challenge, Instant expiresAt) {}

    private record Strikes(int count, Instant lockedUntil) {}

    private final DeviceSecret secret;
    private final Clock clock;
    private final SecureRandom random;
    private final ChallengePolicy policy;
    private final Map<Address, Pending> pending = new LinkedHashMap<>();
    private final Map<Address, Strikes> strikes = new LinkedHashMap<>();

    public ChallengeBook(DeviceSecret secret, Clock clock, SecureRandom random, ChallengePolicy policy) {
        this.secret = secret;
        this.clock = clock;
        this.random = random;
        this.policy = policy;
    }

    /** A fresh challenge for {@code claimant}, replacing any earlier one, unless it is locked out. */
    public synchronized Issue issue(Address claimant) {
        Instant now = clock.instant();
        Strikes s = strikes.get(claimant);
        if (s != null && now.isBefore(s.lockedUntil())) return new Throttled(s.lockedUntil());
        forgetExpired(now);
        pending.remove(claimant);
        makeRoom(pending);
        Challenge c = Challenge.issue(secret, random);
        Instant expiresAt = now.plus(policy.expiry());
        pending.put(claimant, new Pending(c, expiresAt));
        return new Issued(c, expiresAt);
    }

    /** Checks {@code answer} against the claimant's challenge, which is used up either way. */
    public synchronized Answer answer(Address claimant, SignedChallenge answer) {
        Instant now = clock.instant();
        Strikes s = strikes.get(claimant);
        if (s != null && now.isBefore(s.lockedUntil())) {
            pending.remove(claimant);
            return new Refused(Refused.Reason.THROTTLED);
        }
        Pending p = pending.remove(claimant);
        if (p == null) return new Refused(Refused.Reason.NO_CHALLENGE);
        if (!now.isBefore(p.expiresAt())) return new Refused(Refused.Reason.EXPIRED);
        if (SignedChallenge.sign(p.challenge(), secret).matches(answer)) {
            strikes.remove(claimant);
            return new Accepted(p.challenge());
        }
        int count = s == null ? 1 : s.count() + 1;
        strikes.remove(claimant);
        makeRoom(strikes);
        strikes.put(claimant, new Strikes(count, now.plus(policy.lockoutAfter(count))));
        return new Refused(Refused.Reason.WRONG_ANSWER);
    }

    private void forgetExpired(Instant now) {
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }

    /** Bounded memory: forgets the oldest entry when full, so a flood of claimants cannot exhaust the device. */
    private void makeRoom(Map<Address, ?> map) {
        Iterator<Address> oldest = map.keySet().iterator();
        while (map.size() >= policy.capacity() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
