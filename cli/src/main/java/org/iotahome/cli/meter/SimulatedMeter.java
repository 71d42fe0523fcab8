package org.iotahome.cli.meter;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.iotahome.protocol.p1.Crc16;

/**
 * A DSMR 5.0 meter for the demo and manual tests: a household's usage and rooftop solar
 * ({@link HouseholdLoad}) one telegram a second, import and export per phase, counters that only go
 * up, gas used more in the evening, a reading every five minutes, and the CRC16 a real meter sends.
 */
public final class SimulatedMeter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final Random random;
    private final ZoneId zone = ZoneId.of("Europe/Amsterdam");
    private final HouseholdLoad household;
    private double tariff1 = 1234.567;
    private double tariff2 = 2345.678;
    private double exported1 = 312.045;
    private double exported2 = 845.321;
    private double gas = 1023.456;

    public SimulatedMeter(long seed) {
        this.random = new Random(seed);
        this.household = new HouseholdLoad(random);
    }

    /** The next telegram, with its CRC line, for {@code now}. */
    public byte[] next(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        boolean summer = zone.getRules().isDaylightSavings(local.toInstant());
        String stamp = TIME.format(local) + (summer ? "S" : "W");
        HouseholdLoad.Instant load = household.next(local);
        double importKw = 0;
        double exportKw = 0;
        for (int p = 0; p < 3; p++) {
            importKw += load.importKw(p);
            exportKw += load.exportKw(p);
        }
        // The meter nets the phases for its totals; per-phase values are as each phase sees them.
        double net = importKw - exportKw;
        double kw = Math.max(0, net);
        double back = Math.max(0, -net);
        int tariff = local.getHour() >= 7 && local.getHour() < 23 ? 2 : 1;
        if (tariff == 1) {
            tariff1 += kw / 3600;
            exported1 += back / 3600;
        } else {
            tariff2 += kw / 3600;
            exported2 += back / 3600;
        }
        // Heating and cooking gas: more in the morning and evening (m3 in five minutes).
        double hour = local.getHour();
        if (local.getSecond() == 0 && local.getMinute() % 5 == 0)
            gas += (hour >= 6 && hour < 9 || hour >= 17 && hour < 23 ? 0.08 : 0.02) * (0.5 + random.nextDouble());
        StringBuilder t = new StringBuilder(1024);
        line(t, "/ISK5\\2M550T-1012");
        line(t, "");
        line(t, "1-3:0.2.8(50)");
        line(t, "0-0:1.0.0(" + stamp + ")");
        line(t, "0-0:96.1.1(4530303434303037313331363530363136)");
        line(t, String.format(Locale.ROOT, "1-0:1.8.1(%010.3f*kWh)", tariff1));
        line(t, String.format(Locale.ROOT, "1-0:1.8.2(%010.3f*kWh)", tariff2));
        line(t, String.format(Locale.ROOT, "1-0:2.8.1(%010.3f*kWh)", exported1));
        line(t, String.format(Locale.ROOT, "1-0:2.8.2(%010.3f*kWh)", exported2));
        line(t, String.format(Locale.ROOT, "0-0:96.14.0(%04d)", tariff));
        line(t, String.format(Locale.ROOT, "1-0:1.7.0(%06.3f*kW)", kw));
        line(t, String.format(Locale.ROOT, "1-0:2.7.0(%06.3f*kW)", back));
        line(t, "0-0:96.7.21(00004)");
        line(t, "0-0:96.7.9(00002)");
        for (int p = 0; p < 3; p++) {
            // Feeding in raises a phase's voltage a little; drawing lowers it.
            double volts = 230 + 2.5 * load.exportKw(p) - 1.2 * load.importKw(p) + random.nextDouble() * 1.5;
            double amps = (load.importKw(p) + load.exportKw(p)) * 1000 / volts;
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%05.1f*V)", 32 + 20 * p, volts));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%03d*A)", 31 + 20 * p, Math.round(amps)));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%06.3f*kW)", 21 + 20 * p, load.importKw(p)));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%06.3f*kW)", 22 + 20 * p, load.exportKw(p)));
        }
        line(t, "0-1:24.1.0(003)");
        line(t, "0-1:96.1.0(4730303339303031363532303530323136)");
        ZonedDateTime gasTime = local.withSecond(0).withMinute(local.getMinute() - local.getMinute() % 5);
        line(t, String.format(Locale.ROOT, "0-1:24.2.1(%s%s)(%09.3f*m3)", TIME.format(gasTime), summer ? "S" : "W", gas));
        t.append('!');
        byte[] body = t.toString().getBytes(StandardCharsets.US_ASCII);
        String crc = Crc16.hex(Crc16.of(body)) + "\r\n";
        byte[] out = new byte[body.length + crc.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, out, body.length, crc.length());
        return out;
    }

    private static void line(StringBuilder t, String s) {
        t.append(s).append("\r\n");
    }
}
