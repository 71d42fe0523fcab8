package org.iotahome.cli.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulated household has the shape of a day, not noise; the meter turns it into counters that only go up. */
class SimulatedMeterTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern EXPORT = Pattern.compile("1-0:2\\.7\\.0\\(([0-9.]+)\\*kW\\)");
    private static final Pattern EXPORTED_TOTAL = Pattern.compile("1-0:2\\.8\\.2\\(([0-9.]+)\\*kWh\\)");
    private static final Pattern IMPORTED_TOTAL = Pattern.compile("1-0:1\\.8\\.2\\(([0-9.]+)\\*kWh\\)");

    @Test
    void aSummerDayExportsAroundNoonImportsMostInTheEveningAndNothingAtNight() {
        double[] importKwh = new double[24];
        double[] exportKwh = new double[24];
        HouseholdLoad household = new HouseholdLoad(new Random(42));
        ZonedDateTime start = ZonedDateTime.of(2026, 6, 21, 0, 0, 0, 0, AMSTERDAM);
        for (int s = 0; s < 24 * 3600; s++) {
            HouseholdLoad.Instant load = household.next(start.plusSeconds(s));
            for (int p = 0; p < 3; p++) {
                importKwh[s / 3600] += load.importKw(p) / 3600;
                exportKwh[s / 3600] += load.exportKw(p) / 3600;
            }
        }
        assertThat(exportKwh[13]).as("kWh fed in at 13:00").isGreaterThan(1.0);
        assertThat(exportKwh[2]).as("no sun at night").isZero();
        // A winter day: no sun at 19:00, so the evening's cooking and lights show as import.
        double[] winterImportKwh = new double[24];
        double winterSolarKwh = 0;
        HouseholdLoad winter = new HouseholdLoad(new Random(42));
        ZonedDateTime december = ZonedDateTime.of(2026, 12, 21, 0, 0, 0, 0, AMSTERDAM);
        for (int s = 0; s < 24 * 3600; s++) {
            HouseholdLoad.Instant load = winter.next(december.plusSeconds(s));
            winterSolarKwh += load.solarKw() / 3600;
            for (int p = 0; p < 3; p++) winterImportKwh[s / 3600] += load.importKw(p) / 3600;
        }
        assertThat(winterImportKwh[19]).as("the evening draws more than the night").isGreaterThan(2 * winterImportKwh[3]);
        double summerSolarKwh = java.util.stream.IntStream.range(0, 24).mapToDouble(h -> exportKwh[h]).sum();
        assertThat(winterSolarKwh).as("a short winter day still has some sun").isPositive().isLessThan(summerSolarKwh);
    }

    @Test
    void theMeterCountsExportAtNoonAndImportAtNightInTotalsThatOnlyGoUp() {
        SimulatedMeter meter = new SimulatedMeter(7);
        ZonedDateTime noon = ZonedDateTime.of(2026, 6, 21, 13, 0, 0, 0, AMSTERDAM);
        double before = total(EXPORTED_TOTAL, meter.next(noon));
        double exportSeen = 0;
        for (int s = 1; s < 600; s++) {
            byte[] telegram = meter.next(noon.plusSeconds(s));
            double now = total(EXPORTED_TOTAL, telegram);
            assertThat(now).isGreaterThanOrEqualTo(before);
            before = now;
            exportSeen = Math.max(exportSeen, total(EXPORT, telegram));
        }
        assertThat(exportSeen).as("kW fed in at noon").isGreaterThan(0.5);
        ZonedDateTime night = ZonedDateTime.of(2026, 12, 21, 2, 0, 0, 0, AMSTERDAM);
        double imported = total(IMPORTED_TOTAL, meter.next(night));
        for (int s = 1; s < 600; s++) assertThat(total(EXPORT, meter.next(night.plusSeconds(s)))).isZero();
        assertThat(total(IMPORTED_TOTAL, meter.next(night.plusSeconds(600)))).isGreaterThanOrEqualTo(imported);
    }

    private static double total(Pattern p, byte[] telegram) {
        Matcher m = p.matcher(new String(telegram, StandardCharsets.US_ASCII));
        assertThat(m.find()).as(p.pattern()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
