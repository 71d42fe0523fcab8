package org.iotahome.protocol.event;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Consent that ends by itself (docs/consent-expiry.md): a policy's {@code conditions} may hold one
 * entry {@code expires=<ISO-8601 instant>}, e.g. {@code expires=2027-03-04T00:00:00Z}. The device
 * rotates its key leaving the provider out at that moment, whether or not My Home is running.
 */
public final class ConsentExpiry {

    public static final String PREFIX = "expires=";

    private ConsentExpiry() {
    }

    /** When {@code policy} ends by itself, if it does; a malformed entry is refused, not ignored. */
    public static Optional<Instant> of(Policy policy) {
        for (String c : policy.conditions()) {
            if (!c.startsWith(PREFIX)) continue;
            try {
                return Optional.of(Instant.parse(c.substring(PREFIX.length())));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("policy condition " + c + " is not expires=<ISO-8601 instant>");
            }
        }
        return Optional.empty();
    }

    /** The condition entry for {@code at}, to the second. */
    public static String condition(Instant at) {
        return PREFIX + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * What a consent request's {@code expires} asks for: a duration from now ({@code P90D},
     * {@code PT12H}), a date (consent through that day, UTC: it ends when the next day begins), or an
     * instant. It must lie in the future.
     */
    public static Instant fromRequest(String expires, Clock clock) {
        String e = expires.strip();
        Instant now = clock.instant();
        Instant at;
        try {
            if (e.startsWith("P") && e.contains("T")) at = now.plus(Duration.parse(e));
            else if (e.startsWith("P")) at = now.atZone(ZoneOffset.UTC).plus(Period.parse(e)).toInstant();
            else if (e.length() == 10) at = LocalDate.parse(e).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            else at = Instant.parse(e);
        } catch (DateTimeException | ArithmeticException ex) {
            throw new IllegalArgumentException("expires must be a duration such as P90D, a date such as 2027-03-04 or an instant, was " + expires);
        }
        if (!at.isAfter(now)) throw new IllegalArgumentException("expires must lie in the future, was " + expires);
        return at;
    }
}
