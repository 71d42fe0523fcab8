package org.iotahome.provider.dashboard;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Energy per calendar day, in SQL over the index range of the days asked for: per day the first
 * and the last reading (by meter time, then by id), one GROUP BY per stretch of constant UTC
 * offset in the zone (one, or a few when the range spans a daylight-saving change), so no reading
 * row leaves the database. A day is the last total minus the first; days without readings are left out.
 */
final class DailyEnergy {

    /** The ends of each day with readings in [start, end), the day numbered after adding the stretch's offset. */
    private static final String DAY_ENDS = """
            select d.day_number, f.import_kwh, f.export_kwh, f.gas_m3, l.import_kwh, l.export_kwh, l.gas_m3
            from (select s.day_number, min(s.meter_millis) as first_ms, max(s.meter_millis) as last_ms
                  from (select (meter_millis + :offset) / 86400000 as day_number, meter_millis from reading
                        where device_root = :device and meter_millis >= :start and meter_millis < :end) s
                  group by s.day_number) d
            join reading f on f.id = (select min(x.id) from reading x where x.device_root = :device and x.meter_millis = d.first_ms)
            join reading l on l.id = (select max(y.id) from reading y where y.device_root = :device and y.meter_millis = d.last_ms)
            order by d.day_number""";

    /** One day's first and last totals (null where the reading has none). */
    private record Ends(Double firstImport, Double firstExport, Double firstGas, Double lastImport, Double lastExport, Double lastGas) {

        Ends through(Ends later) {
            return new Ends(firstImport, firstExport, firstGas, later.lastImport, later.lastExport, later.lastGas);
        }

        DayEnergy energy(LocalDate day) {
            return new DayEnergy(day, difference(firstImport, lastImport), difference(firstExport, lastExport),
                    firstGas == null || lastGas == null ? null : lastGas - firstGas);
        }

        private static double difference(Double first, Double last) {
            return first == null || last == null ? 0 : last - first;
        }
    }

    List<DayEnergy> days(EntityManager em, String deviceRoot, LocalDate from, LocalDate to, ZoneId zone) {
        if (from.isAfter(to)) return List.of();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, Ends> byDay = new TreeMap<>();
        ZoneRules rules = zone.getRules();
        for (Instant a = start; a.isBefore(end);) {
            ZoneOffset offset = rules.getOffset(a);
            ZoneOffsetTransition next = rules.nextTransition(a);
            Instant b = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            for (Object[] r : query(em, deviceRoot, offset, a, b)) {
                LocalDate day = LocalDate.ofEpochDay(((Number) r[0]).longValue());
                Ends ends = new Ends(number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6]));
                // a day cut by an offset change: its first reading is in the earlier stretch, its last in the later
                byDay.merge(day, ends, Ends::through);
            }
            a = b;
        }
        List<DayEnergy> out = new ArrayList<>(byDay.size());
        byDay.forEach((day, ends) -> out.add(ends.energy(day)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> query(EntityManager em, String deviceRoot, ZoneOffset offset, Instant start, Instant end) {
        return em.createNativeQuery(DAY_ENDS).setParameter("offset", offset.getTotalSeconds() * 1000L).setParameter("device", deviceRoot)
                .setParameter("start", start.toEpochMilli()).setParameter("end", end.toEpochMilli()).getResultList();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
