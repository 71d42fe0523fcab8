package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotahome.protocol.p1.Telegrams.bytes;

class TelegramParserTest {

    private static Parsed decode(String wire) {
        ReadingDecoder decoder = new ReadingDecoder();
        List<Parsed> out = new java.util.ArrayList<>(decoder.feed(bytes(wire)));
        out.addAll(decoder.end());
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static Reading read(String name) {
        Parsed p = decode(Telegrams.wire(name));
        assertThat(p).isInstanceOf(Reading.class);
        return (Reading) p;
    }

    private static Rejected rejected(String wire, Rejected.Reason reason) {
        Parsed p = decode(wire);
        assertThat(p).isInstanceOf(Rejected.class);
        assertThat(((Rejected) p).reason()).isEqualTo(reason);
        return (Rejected) p;
    }

    @Test
    void readsDsmr22WithGasOnTheFollowingLineAndNoCrc() {
        Reading r = read("dsmr-2.2");
        assertThat(r.version()).isEqualTo("2.2");
        assertThat(r.header()).isEqualTo("ISk5\\2MT382-1000");
        assertThat(r.crcValid()).isNull();
        assertThat(r.equipmentId()).isEqualTo("K8EG004046395507");
        assertThat(r.meterTime()).isNull();
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(12345.678, 12345.678));
        assertThat(r.activeTariff()).isEqualTo(2);
        assertThat(r.powerImportKw()).isEqualTo(1.19);
        assertThat(r.powerExportKw()).isEqualTo(0.0);
        assertThat(r.powerFailures()).isNull();
        assertThat(r.phases()).isNull();
        // 2.2 timestamps carry no S/W flag: 12 February is winter time in the Netherlands.
        assertThat(r.gas()).isEqualTo(new Reading.Gas(1.001, "2009-02-12T16:00:00+01:00", 1, "2222ABCD123456789"));
        assertThat(r.obis()).containsEntry("0-1:24.3.0", "(090212160000)(00)(60)(1)(0-1:24.2.1)(m3)(00001.001)")
                .containsEntry("0-0:17.0.0", "(016*A)").hasSize(16);
    }

    @Test
    void readsDsmr40KeepingOddlyWrittenCodes() {
        Reading r = read("dsmr-4.0");
        assertThat(r.version()).isEqualTo("4.0");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.meterTime()).isEqualTo("2010-12-09T11:30:20+01:00");
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(123456.789, 123456.789));
        assertThat(r.powerFailures()).isEqualTo(4);
        assertThat(r.longPowerFailures()).isEqualTo(2);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(12785.123, "2010-12-09T11:00:00+01:00", 1, "2222ABCD123456789"));
        assertThat(r.obis()).containsEntry("1-0:99:97.0",
                "(2)(0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(00000000301*s)")
                .containsKey("1-0:72:32.0").hasSize(27);
    }

    @Test
    void readsDsmr42PhasesWithoutVoltagesInSummerTime() {
        Reading r = read("dsmr-4.2");
        assertThat(r.version()).isEqualTo("4.2");
        assertThat(r.header()).isEqualTo("KFM5KAIFA-METER");
        assertThat(r.meterTime()).isEqualTo("2016-06-15T14:25:12+02:00");
        assertThat(r.equipmentId()).isEqualTo("E0025000067190416");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(1581.123, 1435.706));
        assertThat(r.phases()).containsExactly(
                new Reading.Phase(null, 3.0, 0.503, 0.0),
                new Reading.Phase(null, 5.0, 1.1, 0.0),
                new Reading.Phase(null, 5.0, 1.0, 0.0));
        assertThat(r.gas()).isEqualTo(new Reading.Gas(981.443, "2016-06-15T14:00:00+02:00", 1, "G0019340221198415"));
    }

    @Test
    void readsDsmr50WithEveryField() {
        Reading r = read("dsmr-5.0");
        assertThat(r).isEqualTo(new Reading("5.0", "ISk5\\2MT382-1000", true, "K8EG004046395507",
                "2010-12-09T11:30:20+01:00", new Reading.Tariffs(123456.789, 123456.789),
                new Reading.Tariffs(123456.789, 123456.789), 2, 1.193, 0.0, 4, 2,
                List.of(new Reading.Phase(220.1, 1.0, 1.111, 4.444), new Reading.Phase(220.2, 2.0, 2.222, 5.555),
                        new Reading.Phase(220.3, 3.0, 3.333, 6.666)),
                new Reading.Gas(12785.123, "2010-12-09T11:25:00+01:00", 1, "2222ABCD123456789"),
                List.of(new Reading.Mbus(1, 3, "2222ABCD123456789", 12785.123, "m3", "2010-12-09T11:25:00+01:00")),
                null, r.messages(), List.of(2, 1, 0), List.of(0, 3, 0), null, r.obis()));
        assertThat(r.obis()).hasSize(35).containsEntry("1-3:0.2.8", "(50)")
                .containsEntry("0-1:96.1.0", "(3232323241424344313233343536373839)");
        assertThat(r.obis().keySet()).first().isEqualTo("1-3:0.2.8");
    }

    @Test
    void readsBelgianMetersWithTheirVersionAndGasObject() {
        Reading r = read("fluvius");
        assertThat(r.version()).isEqualTo("fluvius-50217");
        assertThat(r.header()).isEqualTo("FLU5\\253769484_A");
        assertThat(r.equipmentId()).isEqualTo("1SAG1234567890");
        assertThat(r.meterTime()).isEqualTo("2020-05-12T13:54:09+02:00");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(0.034, 15.758));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.0, 0.011));
        assertThat(r.phases()).containsExactly(new Reading.Phase(234.7, 1.52, 0.345, 0.0));
        assertThat(r.gas()).isEqualTo(new Reading.Gas(112.384, "2020-05-12T13:45:58+02:00", 1, "7FLO2119017007"));
        assertThat(r.obis()).containsEntry("1-0:1.6.0", "(200509134558S)(02.589*kW)").containsKey("0-0:98.1.0");
    }

    @Test
    void findsGasAmongFourMbusChannelsAndReadsValuesWithoutOrWithSmallerUnits() {
        Reading r = read("dsmr-5.0-four-mbus");
        // its id is no hex-encoded text (0x12, 0x90 inside): kept as sent, not decoded into control characters
        assertThat(r.gas()).isEqualTo(new Reading.Gas(4473.981, "2023-04-02T10:05:00+02:00", 2, "4730303738123456789012345430303230"));
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(7054.890, 6526.370));
        assertThat(r.exportedKwh()).isNull();
        assertThat(r.powerImportKw()).isEqualTo(1.25);
        assertThat(r.powerExportKw()).isNull();
        assertThat(r.phases()).containsExactly(new Reading.Phase(233.2, 5.0, null, null));
        assertThat(r.obis()).containsEntry("0-0:96.99.9", "(an unknown line)(kept)").containsKey("0-4:24.2.1");
    }

    @Test
    void takesTheOnlyMbusChannelAsGasWhenNoDeviceTypeIsGiven() {
        String body = "/XMX5LGBBFG10\r\n\r\n1-3:0.2.8(42)\r\n0-2:24.2.1(170108160000W)(00001.234*m3)\r\n!";
        Reading r = (Reading) decode(Telegrams.withCrc(body));
        assertThat(r.gas()).isEqualTo(new Reading.Gas(1.234, "2017-01-08T16:00:00+01:00", 2, null));
    }

    @Test
    void readsLfLinesSpacesAndLowerCaseFlags() {
        String body = "/ISK5 test\n1-3:0.2.8(50)\n0-0:1.0.0( 230702120000s )\n  1-0:1.8.1 (000010.5*kWh)  \n!";
        String crc = Crc16.hex(Crc16.of(bytes(body))).toLowerCase();
        Reading r = (Reading) decode(body + crc + "\n");
        assertThat(r.meterTime()).isEqualTo("2023-07-02T12:00:00+02:00");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(10.5, null));
        assertThat(r.obis()).containsEntry("1-0:1.8.1", "(000010.5*kWh)");
    }

    @Test
    void leavesOutAFieldWhoseValueCannotBeReadButKeepsItsLine() {
        String body = "/ISK5 test\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(231399999999W)\r\n1-0:1.8.1(12x.5*kWh)\r\n!";
        Reading r = (Reading) decode(Telegrams.withCrc(body));
        assertThat(r.meterTime()).isNull();
        assertThat(r.importedKwh()).isNull();
        assertThat(r.obis()).containsEntry("1-0:1.8.1", "(12x.5*kWh)");
    }

    @Test
    void rejectsA4PlusTelegramWithoutItsCrcAsIncomplete() {
        Rejected r = rejected(Telegrams.body("dsmr-5.0") + "\r\n", Rejected.Reason.INCOMPLETE);
        assertThat(r.detail()).contains("DSMR 5.0").contains("CRC16");
        rejected(Telegrams.body("fluvius") + "\r\n", Rejected.Reason.INCOMPLETE);
    }

    @Test
    void rejectsLinesThatAreNoObisDataAsMalformed() {
        String garbage = Telegrams.body("dsmr-2.2").replace("0-0:96.14.0(0002)", "hello world") + "\r\n";
        assertThat(rejected(garbage, Rejected.Reason.MALFORMED).detail()).contains("line 8").contains("hello world");
        String unbalanced = Telegrams.body("dsmr-2.2").replace("(0002)", "(0002") + "\r\n";
        assertThat(rejected(unbalanced, Rejected.Reason.MALFORMED).detail()).contains("0-0:96.14.0").contains("parentheses");
        String outside = Telegrams.body("dsmr-2.2").replace("(0002)", "(0002) tariff") + "\r\n";
        assertThat(rejected(outside, Rejected.Reason.MALFORMED).detail()).contains("text outside parentheses");
        rejected("/ISk5\r\n(00001.000)\r\n!\r\n", Rejected.Reason.MALFORMED);
        rejected("/\r\n1-0:1.8.1(1*kWh)\r\n!\r\n", Rejected.Reason.MALFORMED);
        rejected("/ISk5MT382-1000\r\n\r\n!\r\n", Rejected.Reason.MALFORMED);
    }

    @Test
    void noSingleBitCorruptionBecomesAReadingEvenWithoutKnowingTheMeter() {
        for (byte[] bad : TelegramFramerTest.eachBitFlipped(Telegrams.wireBytes("dsmr-5.0"))) {
            ReadingDecoder decoder = new ReadingDecoder();
            List<Parsed> out = new java.util.ArrayList<>(decoder.feed(bad));
            out.addAll(decoder.end());
            assertThat(out).as(new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isNotEmpty().noneMatch(Reading.class::isInstance);
        }
    }
}
