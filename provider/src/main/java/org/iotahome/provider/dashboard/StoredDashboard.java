package org.iotahome.provider.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantRow;

/**
 * The dashboard's queries over the database: households from the grants joined with each
 * channel's tally (never a count over readings), power and energy from ranges of the
 * {@code reading_by_time} index (device channel, meter time).
 */
@ApplicationScoped
public class StoredDashboard implements DashboardQueries {

    private static final String HOUSEHOLDS = "select g.deviceRoot, g.consentRoot, g.status, g.receivedAt, g.confirmedAt, g.revokedAt,"
            + " t.readings, t.lastMeterMillis, g.expiresAt from GrantRow g left join ReadingTally t on t.deviceRoot = g.deviceRoot"
            + " where g.status <> :pending";
    private static final String NEWEST_FIRST = " order by coalesce(g.confirmedAt, g.receivedAt) desc, g.deviceRoot";
    private static final String POWER = "select r.meterMillis, r.importKw, r.exportKw, r.phase1ImportKw, r.phase2ImportKw, r.phase3ImportKw,"
            + " r.gasM3 from ReadingRow r where r.deviceRoot = :device and r.meterMillis > :after"
            + " and (r.importKw is not null or r.exportKw is not null) order by r.meterMillis desc, r.id desc";

    private final DailyEnergy daily = new DailyEnergy();

    @Override
    public List<HouseholdRow> households(int limit) {
        requireLimit(limit);
        if (limit == 0) return List.of();
        return QuarkusTransaction.joiningExisting().call(() -> em().createQuery(HOUSEHOLDS + NEWEST_FIRST, Object[].class)
                .setParameter("pending", Grant.Status.PENDING).setMaxResults(limit).getResultList().stream()
                .map(StoredDashboard::household).toList());
    }

    @Override
    public Optional<HouseholdRow> household(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return QuarkusTransaction.joiningExisting().call(() -> em().createQuery(HOUSEHOLDS + " and g.deviceRoot = :device", Object[].class)
                .setParameter("pending", Grant.Status.PENDING).setParameter("device", deviceRoot).getResultList().stream()
                .map(StoredDashboard::household).findFirst());
    }

    @Override
    public List<PowerPoint> power(String deviceRoot, Instant after, int limit) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        requireLimit(limit);
        if (limit == 0) return List.of();
        List<PowerPoint> newestFirst = QuarkusTransaction.joiningExisting().call(() -> {
            TypedQuery<Object[]> q = em().createQuery(POWER, Object[].class).setParameter("device", deviceRoot)
                    .setParameter("after", after.toEpochMilli()).setMaxResults(limit);
            return q.getResultList().stream().map(StoredDashboard::point).toList();
        });
        List<PowerPoint> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public List<DayEnergy> days(String deviceRoot, LocalDate from, LocalDate to, ZoneId zone) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return QuarkusTransaction.joiningExisting().call(() -> daily.days(em(), deviceRoot, from, to, zone));
    }

    private static EntityManager em() {
        return GrantRow.getEntityManager();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
    }

    private static HouseholdRow household(Object[] r) {
        Long confirmedAt = (Long) r[4];
        Long revokedAt = (Long) r[5];
        Long readings = (Long) r[6];
        Long last = (Long) r[7];
        Long expiresAt = (Long) r[8];
        // A grant confirmed before confirmation times were kept counts from its arrival.
        Instant since = Instant.ofEpochMilli(confirmedAt != null ? confirmedAt : (Long) r[3]);
        return new HouseholdRow((String) r[0], (String) r[1], ((Grant.Status) r[2]).name(), since,
                Optional.ofNullable(revokedAt).map(Instant::ofEpochMilli), Optional.ofNullable(expiresAt).map(Instant::ofEpochMilli),
                readings == null ? 0 : readings,
                Optional.ofNullable(last).map(Instant::ofEpochMilli));
    }

    private static PowerPoint point(Object[] r) {
        List<Double> phases = new ArrayList<>(3);
        // per-phase values L1, L2, L3 as far as the meter sends them
        for (int i = 3; i <= 5 && r[i] != null; i++) phases.add((Double) r[i]);
        return new PowerPoint((Long) r[0], r[1] == null ? 0 : (Double) r[1], r[2] == null ? 0 : (Double) r[2], phases, (Double) r[6]);
    }
}
