package org.iotahome.provider.dashboard;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Energy per calendar day from the meter's totals: the day's last reading minus its first (by meter
 * time, then id). In SQL and on the index (device channel, meter time, id) alone: a GROUP BY over the
 * range gives each day's first and last meter time, one per stretch of constant UTC offset in the
 * zone (one, or a few when the range spans a daylight-saving change); then one lookup fetches just
 * the readings at those times. Days without readings are left out.
 */
final class DailyEnergy {

    /** Each day's first and last meter time in [start, end), the day numbered after adding the stretch's offset. */
    private static final String DAY_BOUNDS = """
            select s.day_number, min(s.meter_millis), max(s.meter_millis)
            from (select (meter_millis + :offset) / 86400000 as day_number, meter_millis from reading
                  where device_root = :device and meter_millis >= :start and meter_millis < :end) s
            group by s.day_number""";
    // Joining these back to reading in the same statement made PostgreSQL hash-join the whole table.
    private static final String READINGS_AT = """
            select meter_millis, id, import_kwh, export_kwh, gas_m3 from reading
            where device_root = :device and meter_millis in (:times) order by meter_millis, id""";

    /** A day's first and last meter time. */
    private record Bounds(long first, long last) {
        Bounds through(Bounds later) {
            return new Bounds(first, later.last);
        }
    }

    /** The totals of one reading, null where it has none. */
    private record Totals(Double importKwh, Double exportKwh, Double gasM3) {}

    List<DayEnergy> days(EntityManager em, String deviceRoot, LocalDate from, LocalDate to, ZoneId zone) {
        if (from.isAfter(to)) return List.of();
        Map<LocalDate, Bounds> days = bounds(em, deviceRoot, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone.getRules());
        if (days.isEmpty()) return List.of();
        TreeSet<Long> times = new TreeSet<>();
        days.values().forEach(b -> {
            times.add(b.first());
            times.add(b.last());
        });
        // readings sharing a meter time (a DATA event's readings without meterTime): the first is the lowest id, the last the highest
        Map<Long, Totals> firstAt = new HashMap<>();
        Map<Long, Totals> lastAt = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(READINGS_AT).setParameter("device", deviceRoot).setParameter("times", List.copyOf(times))
                .getResultList())) {
            long millis = ((Number) r[0]).longValue();
            Totals totals = new Totals(number(r[2]), number(r[3]), number(r[4]));
            firstAt.putIfAbsent(millis, totals);
            lastAt.put(millis, totals);
        }
        List<DayEnergy> out = new ArrayList<>(days.size());
        days.forEach((day, b) -> out.add(energy(day, firstAt.get(b.first()), lastAt.get(b.last()))));
        return out;
    }

    private static Map<LocalDate, Bounds> bounds(EntityManager em, String deviceRoot, Instant start, Instant end, ZoneRules rules) {
        Map<LocalDate, Bounds> days = new TreeMap<>();
        for (Instant a = start; a.isBefore(end);) {
            ZoneOffset offset = rules.getOffset(a);
            ZoneOffsetTransition next = rules.nextTransition(a);
            Instant b = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            for (Object[] r : rows(em.createNativeQuery(DAY_BOUNDS).setParameter("offset", offset.getTotalSeconds() * 1000L)
                    .setParameter("device", deviceRoot).setParameter("start", a.toEpochMilli()).setParameter("end", b.toEpochMilli())
                    .getResultList())) {
                // a day cut by an offset change: its first reading is in the earlier stretch, its last in the later
                days.merge(LocalDate.ofEpochDay(((Number) r[0]).longValue()), new Bounds(((Number) r[1]).longValue(), ((Number) r[2]).longValue()),
                        Bounds::through);
            }
            a = b;
        }
        return days;
    }

    private static DayEnergy energy(LocalDate day, Totals first, Totals last) {
        return new DayEnergy(day, difference(first.importKwh(), last.importKwh()), difference(first.exportKwh(), last.exportKwh()),
                first.gasM3() == null || last.gasM3() == null ? null : last.gasM3() - first.gasM3());
    }

    private static double difference(Double first, Double last) {
        return first == null || last == null ? 0 : last - first;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
