package org.iotahome.provider.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotahome.provider.dashboard.DashboardQueries;
import org.iotahome.provider.dashboard.DayEnergy;
import org.iotahome.provider.dashboard.HouseholdRow;
import org.iotahome.provider.dashboard.PowerPoint;

/** The pages' read model with what a test puts in: the pages are tested apart from the store ({@link PagesProfile} enables it). */
@ApplicationScoped
@Alternative
public class FakeDashboard implements DashboardQueries {

    public static final String ROOT = "HOUSEHOLD" + "9".repeat(72);

    private final List<PowerPoint> points = new CopyOnWriteArrayList<>();

    public void add(PowerPoint point) {
        points.add(point);
    }

    @Override
    public List<HouseholdRow> households(int limit) {
        return List.of(row());
    }

    @Override
    public Optional<HouseholdRow> household(String deviceRoot) {
        return ROOT.equals(deviceRoot) ? Optional.of(row()) : Optional.empty();
    }

    @Override
    public List<PowerPoint> power(String deviceRoot, Instant after, int limit) {
        List<PowerPoint> out = new ArrayList<>();
        for (PowerPoint p : points) if (deviceRoot.equals(ROOT) && p.epochMillis() > after.toEpochMilli()) out.add(p);
        return out.subList(Math.max(0, out.size() - limit), out.size());
    }

    @Override
    public List<DayEnergy> days(String deviceRoot, LocalDate from, LocalDate to, ZoneId zone) {
        return List.of(new DayEnergy(to.minusDays(1), 9.5, 2.25, 1.5), new DayEnergy(to, 4.0, 1.0, null));
    }

    private HouseholdRow row() {
        return new HouseholdRow(ROOT, "CONSENT" + "9".repeat(74), "ACTIVE", Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(), Optional.empty(),
                points.size(), points.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(points.get(points.size() - 1).epochMillis())));
    }
}
