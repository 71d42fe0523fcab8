package org.iotahome.provider.dashboard;

import java.time.Instant;
import java.util.Optional;

/**
 * A connected household as the dashboard lists it: the grant's status, since when it was confirmed,
 * when it ended (revoked or expired, if so), when the household's consent ends by itself (if it
 * does), how many readings it gave and when the newest was taken.
 */
public record HouseholdRow(String deviceRoot, String consentRoot, String status, Instant since, Optional<Instant> revokedAt,
        Optional<Instant> expiresAt, long readings, Optional<Instant> lastReading) {}
