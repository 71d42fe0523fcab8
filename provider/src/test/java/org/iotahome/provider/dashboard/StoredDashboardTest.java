package org.iotahome.provider.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.provider.database.Roots;
import org.iotahome.provider.flow.FreshDataDir;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.readings.ReadingStore;
import org.junit.jupiter.api.Test;

/** The dashboard's queries over the store, on H2; {@link StoredDashboardOnPostgresTest} runs them on PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class StoredDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    DashboardQueries dashboard;

    private final ReadingStore readings = new ReadingStore();

    private static GrantStore storeAt(long millis) {
        return new GrantStore(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    private static Grant grant(String root, long receivedAt) {
        return new Grant(root, new SideKey("DEVICE9KEY"), "C".repeat(81), new SideKey("CONSENT9KEY"), receivedAt, Grant.Status.PENDING);
    }

    /** A reading at the meter's time {@code meterTime} (ISO, with its offset) with the totals given; gas null for no gas meter. */
    private static ObjectNode reading(String meterTime, double importKwh, double exportKwh, Double gasM3) {
        ObjectNode r = JSON.createObjectNode().put("version", "5.0").put("crcValid", true);
        if (meterTime != null) r.put("meterTime", meterTime);
        r.putObject("importedKwh").put("tariff1", importKwh / 2).put("tariff2", importKwh / 2);
        r.putObject("exportedKwh").put("tariff1", exportKwh).put("tariff2", 0.0);
        if (gasM3 != null) r.putObject("gas").put("m3", gasM3).put("channel", 1);
        return r;
    }

    private void store(String device, long eventMillis, JsonNode... readingsOfOneEvent) {
        assertThat(readings.append(device, Roots.random(), new Data(eventMillis, "raw", List.of(readingsOfOneEvent)))).isTrue();
    }

    @Test
    void energyPerDayIsTheLastTotalMinusTheFirstAcrossADaylightSavingChange() {
        String device = Roots.random();
        store(device, 1, reading("2026-03-27T00:10:00+01:00", 100, 50, 10.0));
        store(device, 1, reading("2026-03-27T12:00:00+01:00", 105, 50, 10.5), reading("2026-03-27T23:50:00+01:00", 110, 52, 11.0));
        store(device, 1, reading("2026-03-28T09:00:00+01:00", 111, 52, 11.1)); // the only reading of its day: 0
        // Sunday 29 March 2026: 02:00 +01:00 becomes 03:00 +02:00 in Amsterdam, a 23-hour day.
        store(device, 1, reading("2026-03-29T01:00:00+01:00", 120, 60, 12.0));
        store(device, 1, reading("2026-03-29T05:00:00+02:00", 121, 60, 12.0));
        store(device, 1, reading("2026-03-29T23:30:00+02:00", 130, 61, 12.5));
        store(device, 1, reading("2026-03-30T00:10:00+02:00", 131, 61, null), reading("2026-03-30T08:00:00+02:00", 133, 61, null));
        // outside the range asked for: neither may count
        store(device, 1, reading("2026-03-26T23:59:00+01:00", 1, 1, 1.0));
        store(device, 1, reading("2026-04-01T00:00:00+02:00", 999, 999, 999.0));

        List<DayEnergy> days = dashboard.days(device, LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 31), AMSTERDAM);

        // the totals are chosen so that every difference is exact in binary
        assertThat(days).containsExactly(
                        new DayEnergy(LocalDate.of(2026, 3, 27), 10, 2, 1.0),
                        new DayEnergy(LocalDate.of(2026, 3, 28), 0, 0, 0.0),
                        new DayEnergy(LocalDate.of(2026, 3, 29), 10, 1, 0.5),
                        new DayEnergy(LocalDate.of(2026, 3, 30), 2, 0, null));
        assertThat(dashboard.days(device, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), ZoneOffset.UTC))
                .extracting(DayEnergy::day).containsExactly(LocalDate.of(2026, 3, 29));
        assertThat(dashboard.days(device, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 27), AMSTERDAM)).isEmpty();
        assertThat(dashboard.days(Roots.random(), LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 31), AMSTERDAM)).isEmpty();
    }

    @Test
    void readingsWithoutAMeterTimeTakeTheirEventsTimeInTheirOrder() {
        String device = Roots.random();
        long noon = Instant.parse("2026-04-02T12:00:00Z").toEpochMilli();
        store(device, noon, reading(null, 200, 0, null), reading(null, 201, 0, null), reading(null, 203, 0, null));
        assertThat(dashboard.days(device, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), ZoneOffset.UTC))
                .containsExactly(new DayEnergy(LocalDate.of(2026, 4, 2), 3, 0, null));
    }

    @Test
    void powerIsTheNewestPointsAfterTheTimeGivenOldestFirstWithTheirPhases() {
        String device = Roots.random();
        for (int i = 0; i < 5; i++) {
            ObjectNode r = reading("2026-12-04T10:00:0" + i + "+01:00", 100 + i, 0, i == 4 ? null : 5.0);
            r.put("powerImportKw", 1.0 + i).put("powerExportKw", 0.5);
            r.putArray("phases").addObject().put("powerImportKw", 0.5 + i).put("voltageV", 230.0);
            r.withArray("phases").addObject().put("powerImportKw", 0.25);
            store(device, 1, r);
        }
        store(device, 1, reading("2026-12-04T10:00:09+01:00", 200, 0, null)); // no power: not a point
        long t1 = Instant.parse("2026-12-04T09:00:01Z").toEpochMilli();

        assertThat(dashboard.power(device, Instant.ofEpochMilli(t1), 2)).containsExactly(
                new PowerPoint(t1 + 2_000, 4.0, 0.5, List.of(3.5, 0.25), 5.0),
                new PowerPoint(t1 + 3_000, 5.0, 0.5, List.of(4.5, 0.25), null));
        assertThat(dashboard.power(device, Instant.ofEpochMilli(t1), 10)).extracting(PowerPoint::epochMillis)
                .containsExactly(t1 + 1_000, t1 + 2_000, t1 + 3_000);
        assertThat(dashboard.power(device, Instant.ofEpochMilli(t1 + 3_000), 10)).isEmpty();
    }

    @Test
    void householdsAreTheConfirmedGrantsNewestFirstWithTheirTallies() {
        String older = Roots.random();
        String newer = Roots.random();
        String pending = Roots.random();
        long now = System.currentTimeMillis() + 86_400_000L; // after any grant other tests confirm
        storeAt(0).save(grant(older, 1).confirmed(now));
        storeAt(0).save(grant(newer, 2).confirmed(now + 1_000));
        storeAt(0).save(grant(pending, 3));
        storeAt(now + 5_000).revoke(older);
        store(older, 1, reading("2026-12-04T10:00:00+01:00", 1, 0, null), reading("2026-12-04T10:00:10+01:00", 2, 0, null));
        store(older, 1, reading("2026-12-04T09:00:00+01:00", 3, 0, null)); // late, older than the newest: the newest stays

        List<HouseholdRow> rows = dashboard.households(1000).stream()
                .filter(h -> List.of(older, newer, pending).contains(h.deviceRoot())).toList();

        assertThat(rows).containsExactly(
                new HouseholdRow(newer, "C".repeat(81), "ACTIVE", Instant.ofEpochMilli(now + 1_000), Optional.empty(), Optional.empty(), 0,
                        Optional.empty()),
                new HouseholdRow(older, "C".repeat(81), "REVOKED", Instant.ofEpochMilli(now), Optional.of(Instant.ofEpochMilli(now + 5_000)), Optional.empty(), 3,
                        Optional.of(Instant.parse("2026-12-04T09:00:10Z"))));
        assertThat(dashboard.household(older)).contains(rows.get(1));
        assertThat(dashboard.household(pending)).isEmpty();
        assertThat(dashboard.household(Roots.random())).isEmpty();
        assertThat(dashboard.households(1)).hasSize(1);
    }
}
