package org.iotahome.provider.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the staff dashboard and a household's page read from the store. Every query is bounded by
 * an index (device channel, time), so none reads a household's whole history.
 */
public interface DashboardQueries {

    /** Every household that was ever confirmed (active, expired or revoked), newest grant first; at most {@code limit}. */
    List<HouseholdRow> households(int limit);

    /** One household by its device channel's first root. */
    Optional<HouseholdRow> household(String deviceRoot);

    /** The power readings taken after {@code after}, oldest first, at most {@code limit} (the newest ones when more). */
    List<PowerPoint> power(String deviceRoot, Instant after, int limit);

    /** Energy per calendar day in {@code zone} from the meter's totals, {@code from} to {@code to} inclusive, oldest first. */
    List<DayEnergy> days(String deviceRoot, LocalDate from, LocalDate to, ZoneId zone);
}
