package org.iotahome.cli.meter;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.iotahome.protocol.p1.Crc16;

/**
 * A DSMR 5.0 meter for the demo and manual tests: a household's usage, one telegram a second,
 * counters that only go up, a gas reading every five minutes, and the CRC16 a real meter sends.
 */
public final class SimulatedMeter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final Random random;
    private final ZoneId zone = ZoneId.of("Europe/Amsterdam");
    private double tariff1 = 1234.567;
    private double tariff2 = 2345.678;
    private double gas = 1023.456;

    public SimulatedMeter(long seed) {
        this.random = new Random(seed);
    }

    /** The next telegram, with its CRC line, for {@code now}. */
    public byte[] next(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        boolean summer = zone.getRules().isDaylightSavings(local.toInstant());
        String stamp = TIME.format(local) + (summer ? "S" : "W");
        double[] phaseKw = {0.1 + random.nextDouble() * 0.9, 0.05 + random.nextDouble() * 0.5, 0.05 + random.nextDouble() * 0.3};
        double kw = phaseKw[0] + phaseKw[1] + phaseKw[2];
        int tariff = local.getHour() >= 7 && local.getHour() < 23 ? 2 : 1;
        if (tariff == 1) tariff1 += kw / 3600; else tariff2 += kw / 3600;
        if (local.getSecond() == 0 && local.getMinute() % 5 == 0) gas += random.nextDouble() * 0.05;
        StringBuilder t = new StringBuilder(1024);
        line(t, "/ISK5\\2M550T-1012");
        line(t, "");
        line(t, "1-3:0.2.8(50)");
        line(t, "0-0:1.0.0(" + stamp + ")");
        line(t, "0-0:96.1.1(4530303434303037313331363530363136)");
        line(t, String.format(Locale.ROOT, "1-0:1.8.1(%010.3f*kWh)", tariff1));
        line(t, String.format(Locale.ROOT, "1-0:1.8.2(%010.3f*kWh)", tariff2));
        line(t, "1-0:2.8.1(000000.000*kWh)");
        line(t, "1-0:2.8.2(000000.000*kWh)");
        line(t, String.format(Locale.ROOT, "0-0:96.14.0(%04d)", tariff));
        line(t, String.format(Locale.ROOT, "1-0:1.7.0(%06.3f*kW)", kw));
        line(t, "1-0:2.7.0(00.000*kW)");
        line(t, "0-0:96.7.21(00004)");
        line(t, "0-0:96.7.9(00002)");
        for (int p = 0; p < 3; p++) {
            double volts = 229 + random.nextDouble() * 3;
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%05.1f*V)", 32 + 20 * p, volts));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%03d*A)", 31 + 20 * p, Math.round(phaseKw[p] * 1000 / volts)));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(%06.3f*kW)", 21 + 20 * p, phaseKw[p]));
            line(t, String.format(Locale.ROOT, "1-0:%d.7.0(00.000*kW)", 22 + 20 * p));
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
