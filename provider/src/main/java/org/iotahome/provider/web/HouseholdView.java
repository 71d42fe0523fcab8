package org.iotahome.provider.web;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.iotahome.provider.dashboard.HouseholdRow;

/**
 * A household as the pages show it: times in words, the status as a person reads it, and how the
 * consent ends: withdrawn, expired, expiring on a date, or open-ended.
 */
@TemplateData
public record HouseholdView(String root, String shortRoot, String status, String statusClass, String since, String consentEnds,
        boolean ended, long readings, String lastReading) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    static HouseholdView of(HouseholdRow row) {
        String status = switch (row.status()) {
            case "ACTIVE" -> "Sharing";
            case "REVOKED" -> "Consent withdrawn";
            case "EXPIRED" -> "Consent expired";
            case "PENDING" -> "Waiting for confirmation";
            default -> row.status().toLowerCase(Locale.ROOT);
        };
        String ends = switch (row.status()) {
            case "REVOKED" -> "withdrawn " + row.revokedAt().map(HouseholdView::time).orElse("");
            case "EXPIRED" -> "expired " + row.revokedAt().or(row::expiresAt).map(HouseholdView::time).orElse("");
            default -> row.expiresAt().map(t -> "expires on " + time(t)).orElse("until withdrawn");
        };
        boolean ended = row.status().equals("REVOKED") || row.status().equals("EXPIRED");
        return new HouseholdView(row.deviceRoot(), row.deviceRoot().substring(0, 12) + "…", status, row.status().toLowerCase(Locale.ROOT),
                time(row.since()), ends.strip(), ended, row.readings(), row.lastReading().map(HouseholdView::time).orElse("none yet"));
    }

    private static String time(Instant t) {
        return TIME.format(t);
    }
}
