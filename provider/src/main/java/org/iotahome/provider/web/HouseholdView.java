package org.iotahome.provider.web;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.iotahome.provider.dashboard.HouseholdRow;

/** A household as the pages show it: times in words, the status as a person reads it. */
@TemplateData
public record HouseholdView(String root, String shortRoot, String status, String statusClass, String since, String revokedAt,
        long readings, String lastReading) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    static HouseholdView of(HouseholdRow row) {
        String status = switch (row.status()) {
            case "ACTIVE" -> "Sharing";
            case "REVOKED" -> "Consent withdrawn";
            case "PENDING" -> "Waiting for confirmation";
            default -> row.status().toLowerCase(Locale.ROOT);
        };
        return new HouseholdView(row.deviceRoot(), row.deviceRoot().substring(0, 12) + "…", status, row.status().toLowerCase(Locale.ROOT),
                time(row.since()), row.revokedAt().map(HouseholdView::time).orElse(""), row.readings(),
                row.lastReading().map(HouseholdView::time).orElse("none yet"));
    }

    private static String time(Instant t) {
        return TIME.format(t);
    }
}
