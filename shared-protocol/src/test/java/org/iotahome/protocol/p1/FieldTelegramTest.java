package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Real telegrams from other P1 projects' test suites, byte-exact with the CRC they carried
 * (src/test/resources/p1/field, sources and licences in the README). Each test asserts the values
 * its source asserts. Named as dsmr-tools names its tests: the source, then the telegram.
 */
class FieldTelegramTest {

    static byte[] field(String name) {
        try (InputStream in = FieldTelegramTest.class.getResourceAsStream("/p1/field/" + name + ".txt")) {
            if (in == null) throw new IllegalArgumentException("no field telegram " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Parsed> decode(byte[] wire) {
        ReadingDecoder decoder = new ReadingDecoder();
        List<Parsed> out = new ArrayList<>(decoder.feed(wire));
        out.addAll(decoder.end());
        return out;
    }

    static Reading read(String name) {
        List<Parsed> out = decode(field(name));
        assertThat(out).hasSize(1).first().isInstanceOf(Reading.class);
        return (Reading) out.get(0);
    }

    @Test
    void ndokterTelegramV22ReadsGasWithoutIdsFromAllZeroSlots() {
        Reading r = read("ndokter-v2.2");
        assertThat(r.version()).isEqualTo("2.2");
        assertThat(r.crcValid()).isNull();
        assertThat(r.equipmentId()).as("0-0:96.1.1(00000000000000) is no id").isNull();
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(1.001, 1.001));
        assertThat(r.activeTariff()).isEqualTo(1);
        assertThat(r.powerImportKw()).isEqualTo(1.01);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(1.001, "2016-11-07T19:00:00+01:00", 1, null));
        assertThat(r.mbus()).containsExactly(new Reading.Mbus(1, 3, null, 1.001, "m3", "2016-11-07T19:00:00+01:00"));
        assertThat(r.messages()).isNull();
    }

    @Test
    void ndokterTelegramV42ReadsSagsSwellsAndGas() {
        Reading r = read("ndokter-v4.2");
        assertThat(r.version()).isEqualTo("4.2");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.header()).isEqualTo("KFM5KAIFA-METER");
        assertThat(r.meterTime()).isEqualTo("2016-11-13T20:57:57+01:00");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(1581.123, 1435.706));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.0, 0.0));
        assertThat(r.powerImportKw()).isEqualTo(2.027);
        assertThat(r.powerFailures()).isEqualTo(15);
        assertThat(r.longPowerFailures()).isEqualTo(7);
        assertThat(r.voltageSags()).containsExactly(0, 0, 0);
        assertThat(r.voltageSwells()).containsExactly(0, 0, 0);
        assertThat(r.phases()).extracting(Reading.Phase::currentA).containsExactly(0.0, 6.0, 2.0);
        assertThat(r.phases()).extracting(Reading.Phase::powerImportKw).containsExactly(0.17, 1.247, 0.209);
        assertThat(r.gas().m3()).isEqualTo(981.443);
        assertThat(r.gas().time()).isEqualTo("2016-11-29T20:00:00+01:00");
        assertThat(r.gas().channel()).isEqualTo(1);
    }

    @Test
    void ndokterTelegramV5LeavesTheEmptySecondSlotOut() {
        Reading r = read("ndokter-v5");
        assertThat(r.version()).isEqualTo("5.0");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.equipmentId()).isEqualTo("K8EG004046395507");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(4.426, 2.399));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(2.444, 0.0));
        assertThat(r.powerImportKw()).isEqualTo(0.244);
        assertThat(r.powerFailures()).isEqualTo(13);
        assertThat(r.phases()).extracting(Reading.Phase::voltageV).containsExactly(230.0, 230.0, 229.0);
        assertThat(r.phases()).extracting(Reading.Phase::currentA).containsExactly(0.48, 0.44, 0.86);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(0.107, "2017-01-02T16:10:05+01:00", 1, "2222ABCD123456789"));
        // 0-2:24.1.0(003) with an empty 0-2:96.1.0() and no reading: an empty slot, not a device
        assertThat(r.mbus()).extracting(Reading.Mbus::channel).containsExactly(1);
    }

    @Test
    void ndokterTelegramEasyMeterQ3DReadsStarCodesAsIec62056() {
        List<Parsed> out = decode(field("ndokter-esy5q3db1024-v304"));
        assertThat(out).hasSize(2);
        Reading r = (Reading) out.get(0);
        assertThat(r.version()).isEqualTo("iec62056-ESY");
        assertThat(r.crcValid()).isNull();
        assertThat(r.importedKwh().total()).isEqualTo(52185.7825309);
        assertThat(r.exportedKwh().total()).isEqualTo(19949.3221493);
        assertThat(r.importedKwh().tariff1()).isNull();
        assertThat(r.powerImportKw()).isCloseTo(2.12486, within(1e-12));
        assertThat(r.phases()).extracting(Reading.Phase::powerImportKw).containsExactly(0.74785, 0.73728, 0.63973);
        assertThat(r.obis()).containsEntry("1-0:1.8.0", "(00052185.7825309*kWh)").containsKey("0-0:96.1.255");
        // The COM-1 gateway's line after '!' is no telegram: one rejection, counted as noise
        assertThat(((Rejected) out.get(1)).reason()).isEqualTo(Rejected.Reason.MALFORMED);
    }

    @Test
    void ndokterTelegramSagemcomT210DRReadsTotalsSentInWh() {
        Reading r = read("ndokter-sagemcom-t210-d-r");
        assertThat(r.version()).isEqualTo("5.0");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.meterTime()).isEqualTo("2022-10-06T15:50:14+02:00");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(5017.12, 1528.646, null, null, 6545.766));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.0, 0.058, null, null, 0.058));
        assertThat(r.powerImportKw()).isEqualTo(0.286);
        assertThat(r.powerExportKw()).isEqualTo(0.0);
    }

    @Test
    void arduinoDsmrFluviusExampleReadsBelgianGasAndIds() {
        Reading r = read("arduino-dsmr-fluvius-gas");
        assertThat(r.version()).isEqualTo("fluvius-50213");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.equipmentId()).isEqualTo("1SAG3100010841");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(750.826, 830.366));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.005, 0.204));
        assertThat(r.powerImportKw()).isEqualTo(0.921);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(0.255, "2020-02-25T18:02:58+01:00", 1, "7FLO2119085685"));
        assertThat(r.mbus()).containsExactly(
                new Reading.Mbus(1, 3, "7FLO2119085685", 0.255, "m3", "2020-02-25T18:02:58+01:00"));
    }

    @Test
    void arduinoDsmrFluviusExampleWithPlaceholderCrcIsRejected() {
        // The example was published with "!XXXX" where its CRC belongs: not a CRC, so never a reading.
        List<Parsed> out = decode(field("arduino-dsmr-fluvius-placeholder-crc"));
        assertThat(out).singleElement().isInstanceOf(Rejected.class);
        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(Rejected.Reason.MALFORMED);
        assertThat(((Rejected) out.get(0)).detail()).contains("XXXX");
    }

    @Test
    void arduinoDsmrFluviusExampleReadsACrcWithoutItsLeadingZeroAsTheSameNumber() {
        String wire = new String(field("arduino-dsmr-fluvius-crc-0fd9"), StandardCharsets.US_ASCII);
        assertThat(read("arduino-dsmr-fluvius-crc-0fd9").crcValid()).isTrue();
        Reading r = (Reading) decode(wire.replace("!0FD9", "!FD9").getBytes(StandardCharsets.US_ASCII)).get(0);
        assertThat(r.crcValid()).isTrue();
        assertThat(r.powerImportKw()).isEqualTo(0.693);
        List<Parsed> wrong = decode(wire.replace("!0FD9", "!FD8").getBytes(StandardCharsets.US_ASCII));
        assertThat(((Rejected) wrong.get(0)).reason()).isEqualTo(Rejected.Reason.CRC);
    }

    @Test
    void dsmrToolsTestDSMRTelegramIssue54FindsGasOnChannel2() {
        Reading r = read("dsmr-tools-dsmr22-issue54");
        assertThat(r.version()).isEqualTo("2.2");
        assertThat(r.meterTime()).isNull();
        assertThat(r.equipmentId()).isEqualTo("ZBEV005106844912");
        assertThat(r.activeTariff()).isEqualTo(2);
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(16719.94, 19403.22));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(859.681, 1817.057));
        assertThat(r.powerImportKw()).isEqualTo(0.89);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(13368.864, "2021-11-22T21:00:00+01:00", 2, "28011008306429013"));
    }

    @Test
    void dsmrToolsTestDSMR22Telegram3TrimsTheLeadingSpaceOfTheEquipmentId() {
        Reading r = read("dsmr-tools-dsmr22-telegram3");
        assertThat(r.equipmentId()).isEqualTo("KA6U001660297912");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(7041.882, 2351.565));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(3125.397, 7729.108));
        assertThat(r.powerImportKw()).isEqualTo(0.54);
        assertThat(r.gas()).isEqualTo(new Reading.Gas(4083.631, "2016-03-15T21:00:00+01:00", 1, "28101541004022211"));
    }
    /** The instant of one of our times, to compare with a source that prints UTC. */
    private static Instant instant(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    @Test
    void ndokterFluviusTestParseReadsCapacityGasAndWater() {
        Reading r = read("ndokter-fluvius-v171");
        assertThat(r.version()).isEqualTo("fluvius-50217");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.equipmentId()).isEqualTo("1SAG3101021605");
        assertThat(r.meterTime()).isEqualTo("2020-05-12T13:54:09+02:00");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(0.034, 15.758));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.0, 0.011));
        assertThat(r.activeTariff()).isEqualTo(1);
        assertThat(r.powerImportKw()).isEqualTo(0.0);
        assertThat(r.powerExportKw()).isEqualTo(0.0);
        assertThat(r.phases()).extracting(Reading.Phase::voltageV).containsExactly(234.7, 234.7, 234.7);
        assertThat(r.phases()).extracting(Reading.Phase::currentA).containsExactly(0.0, 0.0, 0.0);
        assertThat(r.messages()).isNull();
        Reading.Capacity c = r.capacity();
        assertThat(c.quarterHourAverageKw()).isEqualTo(2.351);
        assertThat(c.monthPeakKw()).isEqualTo(2.589);
        assertThat(c.monthPeakTime()).isEqualTo("2020-05-09T13:45:58+02:00");
        assertThat(c.history()).extracting(Reading.Peak::peakKw).containsExactly(3.695, 5.98, 4.318);
        assertThat(c.history()).extracting(Reading.Peak::month)
                .containsExactly("2020-05-01T00:00:00+02:00", "2020-04-01T00:00:00+02:00", "2020-03-01T00:00:00+02:00");
        // The source reads 200305122139S as Brussels local time (+01:00 in March); we follow the
        // meter's S flag as the schema says (+02:00): the same wall-clock time, an hour apart.
        assertThat(c.history()).extracting(Reading.Peak::peakTime)
                .containsExactly("2020-04-23T19:25:38+02:00", "2020-03-05T12:21:39+02:00", "2020-02-10T03:54:21+01:00");
        assertThat(r.gas()).isEqualTo(new Reading.Gas(112.384, "2020-05-12T13:45:58+02:00", 1, "7FLO2119033733"));
        assertThat(r.mbus()).containsExactly(
                new Reading.Mbus(1, 3, "7FLO2119033733", 112.384, "m3", "2020-05-12T13:45:58+02:00"),
                new Reading.Mbus(2, 7, "8SAG1234567890", 872.234, "m3", "2020-05-12T13:45:58+02:00"));
    }

    @Test
    void ndokterFluviusTestChecksumInvalidAndMissing() {
        String wire = new String(field("ndokter-fluvius-v171"), StandardCharsets.US_ASCII);
        List<Parsed> invalid = decode(wire.replace("1-0:1.8.1(000000.034*kWh)\r\n", "").getBytes(StandardCharsets.US_ASCII));
        assertThat(invalid).singleElement().extracting(p -> ((Rejected) p).reason()).isEqualTo(Rejected.Reason.CRC);
        // Without "!3AD7" there is no end: the stream ends inside the telegram.
        List<Parsed> missing = decode(wire.replace("!3AD7\r\n", "").getBytes(StandardCharsets.US_ASCII));
        assertThat(missing).singleElement().extracting(p -> ((Rejected) p).reason()).isEqualTo(Rejected.Reason.INCOMPLETE);
    }

    @Test
    void ndokterFluviusTestToJsonLeavesOutAPeakTimeThatIsNoDate() {
        Reading r = read("ndokter-fluvius-v171-alt");
        assertThat(r.equipmentId()).isEqualTo("1SAG3100721326");
        assertThat(instant(r.meterTime())).isEqualTo(Instant.parse("2023-11-02T11:15:48Z"));
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(301.548, 270.014));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(0.005, 0.0));
        assertThat(r.powerImportKw()).isEqualTo(0.338);
        assertThat(r.phases()).extracting(Reading.Phase::powerImportKw).containsExactly(0.047, 0.179, 0.111);
        assertThat(r.phases()).extracting(Reading.Phase::voltageV).containsExactly(232.9, 228.1, 228.1);
        assertThat(r.phases()).extracting(Reading.Phase::currentA).containsExactly(0.27, 0.88, 0.52);
        Reading.Capacity c = r.capacity();
        assertThat(c.quarterHourAverageKw()).isEqualTo(0.052);
        assertThat(c.monthPeakKw()).isEqualTo(3.064);
        assertThat(instant(c.monthPeakTime())).isEqualTo(Instant.parse("2023-11-02T10:45:00Z"));
        assertThat(c.history()).extracting(Reading.Peak::peakKw).containsExactly(0.0, 1.862, 4.229, 4.927);
        assertThat(c.history()).extracting(p -> instant(p.month())).containsExactly(Instant.parse("2023-07-31T22:00:00Z"),
                Instant.parse("2023-08-31T22:00:00Z"), Instant.parse("2023-09-30T22:00:00Z"), Instant.parse("2023-10-31T23:00:00Z"));
        // (632525252525W) is no date: left out, as the source's "occurred": None
        assertThat(c.history().get(0).peakTime()).isNull();
        assertThat(c.history().subList(1, 4)).extracting(p -> instant(p.peakTime())).containsExactly(
                Instant.parse("2023-08-31T16:15:00Z"), Instant.parse("2023-09-10T16:30:00Z"), Instant.parse("2023-10-16T11:00:00Z"));
        assertThat(r.mbus()).extracting(Reading.Mbus::channel, Reading.Mbus::deviceType, Reading.Mbus::equipmentId,
                Reading.Mbus::value, Reading.Mbus::unit, m -> instant(m.time())).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3, "7FLO2123088027", 92.287, "m3", Instant.parse("2023-11-02T11:10:02Z")),
                org.assertj.core.groups.Tuple.tuple(2, 7, "8SET0000961173", 8.579, "m3", Instant.parse("2023-11-02T11:15:32Z")));
        assertThat(r.gas().channel()).isEqualTo(1);
    }

    @Test
    void ndokterMsnTestParseValuesOfTheLuxembourgSmartyPlaintext() {
        Reading r = read("ndokter-luxembourg-smarty");
        assertThat(r.version()).isEqualTo("smarty-42");
        assertThat(r.crcValid()).isTrue();
        // not asserted by the source: the schema's rule, 0-0:42.0.0 decoded from hex
        assertThat(r.equipmentId()).isEqualTo("SAG1030700012701");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(null, null, null, null, 273.764));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(null, null, null, null, 112743.03));
        assertThat(r.obis()).containsEntry("1-0:3.8.0", "(000462.590*kvarh)").containsEntry("1-0:10.7.0", "(00.913*kVA)");
        assertThat(r.gas().m3()).isEqualTo(14239.771);
        assertThat(r.gas().channel()).isEqualTo(1);
        assertThat(r.voltageSags()).containsExactly(14, 15, 12);
        assertThat(r.voltageSwells()).containsExactly(0, 0, 0);
        assertThat(r.messages()).isNull();
    }

    @Test
    void ndokterEonHuTestParseReadsFourTariffsAndTotals() {
        Reading r = read("ndokter-v5-eon-hu");
        assertThat(r.version()).isEqualTo("iec62056-SAG");
        assertThat(r.crcValid()).isTrue();
        assertThat(r.meterTime()).isEqualTo("2023-07-24T15:07:30+02:00");
        assertThat(r.equipmentId()).as("0-0:42.0.0, the logical device name").isEqualTo("SAG3082200002160");
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(47.719, 125.921, 0.0, 0.0, 173.64));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(401.829, 225.348, 0.0, 0.0, 627.177));
        assertThat(r.activeTariff()).isEqualTo(1);
        assertThat(r.powerImportKw()).isEqualTo(0.0);
        assertThat(r.powerExportKw()).isEqualTo(2.601);
        assertThat(r.phases()).extracting(Reading.Phase::voltageV).containsExactly(240.4, 239.1, 241.2);
        assertThat(r.phases()).extracting(Reading.Phase::currentA).containsExactly(3.0, 4.0, 3.0);
        assertThat(r.obis()).containsEntry("1-0:15.8.0", "(000800.817*kWh)").containsEntry("1-0:14.7.0", "(50.00*Hz)");
        assertThat(r.capacity()).as("the Hungarian 0-0:98.1.0 is a monthly register dump, no Belgian peak history").isNull();
        assertThat(r.messages()).isNull();
    }

    @Test
    void ndokterTelegramTestGetMbusDeviceByChannelFindsGasBehindAnEmptySlot() {
        Reading r = read("ndokter-v5-two-mbus");
        assertThat(r.version()).isEqualTo("5.0");
        assertThat(r.equipmentId()).isEqualTo("E0044007382246019");
        // The source keeps channel 1 (type 3, no id, a unitless 0 at 700101010000W, the epoch in
        // CET) as a device; issue 14 says such a slot is none.
        assertThat(r.mbus()).containsExactly(new Reading.Mbus(2, 3, "G0039001936990619", 246.138, "m3", "2020-04-26T22:30:01+02:00"));
        assertThat(r.gas()).isEqualTo(new Reading.Gas(246.138, "2020-04-26T22:30:01+02:00", 2, "G0039001936990619"));
        assertThat(r.voltageSags()).containsExactly(1, 1, 192);
        assertThat(r.toString()).doesNotContain("2070");
    }

    @Test
    void ndokterUnpaddedCrcReadsAHeatMeterAndItsThreeDigitCrc() {
        Reading r = read("ndokter-unpadded-crc");
        assertThat(r.crcValid()).as("!B9F is CRC 0B9F").isTrue();
        assertThat(r.version()).isEqualTo("5.0");
        // Ids that are no hex-encoded text stay as sent, not decoded into control characters
        assertThat(r.equipmentId()).isEqualTo("ADC3100000158491");
        assertThat(r.mbus()).containsExactly(new Reading.Mbus(1, 4, "621848012D2C0B0C", 240.86, "GJ", "2026-02-15T20:05:23+01:00"));
        assertThat(r.gas()).as("a heat meter is no gas meter").isNull();
    }
    @Test
    void ndokterEsoMax1PhTestParseReadsATextMessageAndFourTariffs() {
        Reading r = read("ndokter-v5-eso-setp1-max-1ph");
        assertThat(r.version()).as("Lithuanian ESO: no 1-3:0.2.8").isEqualTo("iec62056-ESO");
        assertThat(r.crcValid()).isTrue();
        assertThat(instant(r.meterTime())).isEqualTo(Instant.parse("2025-06-27T23:14:53Z"));
        assertThat(r.importedKwh()).isEqualTo(new Reading.Tariffs(398.656, 323.169, 0.0, 0.0, 721.825));
        assertThat(r.exportedKwh()).isEqualTo(new Reading.Tariffs(null, null, null, null, 0.0));
        assertThat(r.phases()).containsExactly(new Reading.Phase(230.5, 1.0, 0.221, 0.0));
        assertThat(r.powerFailures()).isEqualTo(10);
        assertThat(r.messages()).as("0-0:96.13.0(73657450315F6D61785F317068)").isEqualTo(new Reading.Messages("setP1_max_1ph", null));
        assertThat(r.voltageSags()).containsExactly(3);
        assertThat(r.voltageSwells()).containsExactly(0);
        assertThat(r.equipmentId()).isEqualTo("SAG1000000000000");
        assertThat(r.obis()).containsEntry("1-0:3.8.0", "(000008.947*kvarh)").containsEntry("1-0:13.7.0", "(0.830)");
    }
}
