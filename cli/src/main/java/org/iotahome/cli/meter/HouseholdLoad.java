package org.iotahome.cli.meter;

import java.time.ZonedDateTime;
import java.util.Random;

/**
 * What a simulated Dutch household draws and supplies, second by second, per phase: a base load
 * with a fridge cycling, more in the morning and evening, appliances that run for a while (a kettle,
 * a hob, a washing machine), and rooftop solar on phase 1 following the sun of the day and the
 * season, with passing clouds. Net of the two is what the meter sees: import or export per phase.
 */
final class HouseholdLoad {

    /** kW drawn (positive) per phase at this second; solar is counted separately. */
    record Instant(double[] drawnKw, double solarKw) {
        /** Per phase: import (≥ 0) and export (≥ 0); solar feeds phase 1. */
        double importKw(int phase) {
            return Math.max(0, net(phase));
        }

        double exportKw(int phase) {
            return Math.max(0, -net(phase));
        }

        private double net(int phase) {
            return drawnKw[phase] - (phase == 0 ? solarKw : 0);
        }
    }

    private record Appliance(String name, int phase, double kw, int minSeconds, int maxSeconds, double perHourAtPeak) {}

    private static final Appliance[] APPLIANCES = {
        new Appliance("kettle", 1, 2.2, 120, 240, 1.5),
        new Appliance("hob", 2, 1.8, 600, 1800, 0.6),
        new Appliance("washing machine", 0, 2.0, 900, 2400, 0.15),
        new Appliance("television", 1, 0.12, 1800, 7200, 0.4),
    };
    private static final double SOLAR_PEAK_KW = 3.6;

    private final Random random;
    private final int[] runningFor = new int[APPLIANCES.length];
    private double cloud = 1;

    HouseholdLoad(Random random) {
        this.random = random;
    }

    /** The next second's load at local time {@code now}. */
    Instant next(ZonedDateTime now) {
        double hour = now.getHour() + now.getMinute() / 60.0;
        double activity = activity(hour);
        double[] drawn = new double[3];
        drawn[0] = 0.08 + (now.getMinute() % 20 < 7 ? 0.11 : 0) + random.nextDouble() * 0.02; // fridge: 7 min in 20
        drawn[1] = 0.05 + 0.25 * activity + random.nextDouble() * 0.04;
        drawn[2] = 0.04 + 0.15 * activity + random.nextDouble() * 0.03;
        for (int i = 0; i < APPLIANCES.length; i++) {
            Appliance a = APPLIANCES[i];
            if (runningFor[i] == 0 && random.nextDouble() < a.perHourAtPeak() * activity / 3600)
                runningFor[i] = a.minSeconds() + random.nextInt(a.maxSeconds() - a.minSeconds());
            if (runningFor[i] > 0) {
                runningFor[i]--;
                drawn[a.phase()] += a.kw() * (0.97 + random.nextDouble() * 0.06);
            }
        }
        return new Instant(drawn, solar(now, hour));
    }

    /** 0 at night to 1 at the evening peak, with a smaller morning peak. */
    private static double activity(double hour) {
        double morning = Math.exp(-Math.pow((hour - 7.5) / 1.2, 2)) * 0.6;
        double evening = Math.exp(-Math.pow((hour - 19) / 2.0, 2));
        double day = hour > 8 && hour < 17 ? 0.25 : 0;
        return Math.min(1, morning + evening + day);
    }

    /** Sun between sunrise and sunset of the season (longer days in summer), dimmed by drifting clouds. */
    private double solar(ZonedDateTime now, double hour) {
        double season = Math.cos((now.getDayOfYear() - 172) * 2 * Math.PI / 365); // 1 at midsummer, -1 at midwinter
        double halfDay = 4.2 + 3.3 * (season + 1) / 2;                             // 4.2 h (Dec) to 7.5 h (Jun) either side of noon
        double noon = 12.7;
        if (Math.abs(hour - noon) >= halfDay) return 0;
        // Clouds drift about a mostly sunny sky and pull back to it: minutes of shade, not hours.
        cloud = Math.max(0.15, Math.min(1, cloud + (0.85 - cloud) * 0.003 + (random.nextDouble() - 0.5) * 0.03));
        double height = Math.cos((hour - noon) / halfDay * Math.PI / 2);
        double strength = 0.45 + 0.55 * (season + 1) / 2;
        return SOLAR_PEAK_KW * strength * height * cloud;
    }
}
