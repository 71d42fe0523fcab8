package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants for which no real telegram with a known licence was found (see the README): built
 * here from the object lists of the specifications, so each test says which rule it checks.
 */
class FieldVariantsTest {

    private static Reading read(String body) {
        List<Parsed> out = FieldTelegramTest.decode(Telegrams.bytes(Telegrams.withCrc(body)));
        assertThat(out).singleElement().isInstanceOf(Reading.class);
        return (Reading) out.get(0);
    }

    @Test
    void readsSmartyTotalsAndItsIdOnTheLogicalDeviceName() {
        Reading r = read("/Lux5\\253663629_D\r\n\r\n1-3:0.2.8(42)\r\n0-0:1.0.0(231201120000W)\r\n"
                + "0-0:42.0.0(53414731303330373030303132373031)\r\n1-0:1.8.0(000273.764*kWh)\r\n"
                + "1-0:2.8.0(112743.030*kWh)\r\n1-0:32.32.0(00014)\r\n1-0:52.32.0(00015)\r\n1-0:72.32.0(00012)\r\n!");
        assertThat(r.version()).isEqualTo("smarty-42");
        assertThat(r.equipmentId()).isEqualTo("SAG1030700012701");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(null, null, null, null, 273.764));
        assertThat(r.exportedKwh().total()).isEqualTo(112743.03);
        assertThat(r.voltageSags()).containsExactly(14, 15, 12);
    }

    @Test
    void readsFourTariffsOfAnIecMeterWithoutVersionLine() {
        Reading r = read("/AUX59903218166\r\n\r\n0-0:1.0.0(230817171430S)\r\n0-0:42.0.0(AUX1030303218166)\r\n"
                + "1-0:1.8.0(000812.421*kWh)\r\n1-0:1.8.1(000470.111*kWh)\r\n1-0:1.8.2(000342.310*kWh)\r\n"
                + "1-0:1.8.3(000000.001*kWh)\r\n1-0:1.8.4(000000.002*kWh)\r\n1-0:2.8.3(000000.003*kWh)\r\n"
                + "1-0:2.8.4(000000.004*kWh)\r\n0-0:98.1.0(230801000000S)(000663.924*kWh)(12.212*kW)\r\n!");
        assertThat(r.version()).isEqualTo("iec62056-AUX");
        assertThat(r.equipmentId()).isEqualTo("AUX1030303218166");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(470.111, 342.31, 0.001, 0.002, 812.421));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(null, null, 0.003, 0.004, null));
        assertThat(r.capacity()).as("a Hungarian 0-0:98.1.0 is no Belgian peak history").isNull();
    }

    @Test
    void leavesOutEmptySlotsAndTimesThatAreNoDates() {
        Reading r = read("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(230101120000W)\r\n"
                + "0-1:24.1.0(003)\r\n0-1:96.1.0()\r\n0-1:24.2.1(700101000000W)(00000000)\r\n"
                + "0-2:24.1.0(003)\r\n0-2:96.1.0(4730303339303031383330303339323138)\r\n0-2:24.2.1(000101000000W)(00012.000*m3)\r\n"
                + "0-3:24.1.0(007)\r\n0-3:96.1.0(3132)\r\n0-3:24.2.1(231301000000W)(00001.500*m3)\r\n"
                + "0-4:24.1.0(003)\r\n0-4:96.1.0(3334)\r\n0-4:24.2.1(230101115500W)(00042.000*m3)\r\n!");
        // 0-1: unitless 0 at the never-set time; 0-2: never set; 0-3: month 13 is no date, its value stays
        assertThat(r.mbus()).containsExactly(new Reading.Mbus(3, 7, "12", 1.5, "m3", null),
                new Reading.Mbus(4, 3, "34", 42.0, "m3", "2023-01-01T11:55:00+01:00"));
        assertThat(r.gas()).isEqualTo(new Reading.Gas(42.0, "2023-01-01T11:55:00+01:00", 4, "34"));
        assertThat(r.toString()).doesNotContain("2070").doesNotContain("2000-01-01");
    }

    @Test
    void readsBelgianCapacityAndLeavesOutAGarbagePeakTime() {
        Reading r = read("/FLU5\\253769484_A\r\n\r\n0-0:96.1.4(50217)\r\n1-0:1.4.0(00.052*kW)\r\n"
                + "1-0:1.6.0(231102114500W)(03.064*kW)\r\n0-0:98.1.0(2)(1-0:1.6.0)(1-0:1.6.0)(230801000000S)"
                + "(632525252525W)(00.000*kW)(230901000000S)(230831181500S)(01.862*kW)\r\n!");
        assertThat(r.capacity()).isEqualTo(new Reading.Capacity(0.052, 3.064, "2023-11-02T11:45:00+01:00", List.of(
                new Reading.Peak("2023-08-01T00:00:00+02:00", 0.0, null),
                new Reading.Peak("2023-09-01T00:00:00+02:00", 1.862, "2023-08-31T18:15:00+02:00"))));
    }

    @Test
    void decodesTextMessagesAndLeavesEmptyOnesOut() {
        Reading r = read("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:96.13.0(48656C6C6F)\r\n0-0:96.13.1()\r\n!");
        assertThat(r.messages()).isEqualTo(new Reading.Messages("Hello", null));
        assertThat(read("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:96.13.0()\r\n!").messages()).isNull();
    }

    @Test
    void takesTheEpochAsCetShowsItForANeverSetTime() {
        // An Iskra AM550 in ndokter/dsmr_parser's TELEGRAM_V5_TWO_MBUS writes 700101010000W: 1970-01-01 00:00 UTC
        Reading r = read("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-1:24.1.0(003)\r\n0-1:96.1.0(3132)\r\n"
                + "0-1:24.2.1(700101010000W)(00003.000*m3)\r\n0-2:24.1.0(003)\r\n0-2:96.1.0(3334)\r\n"
                + "0-2:24.2.1(230101115500W)(00004.000*m3)\r\n!");
        assertThat(r.mbus()).containsExactly(new Reading.Mbus(2, 3, "34", 4.0, "m3", "2023-01-01T11:55:00+01:00"));
        assertThat(r.gas().channel()).isEqualTo(2);
    }
}
