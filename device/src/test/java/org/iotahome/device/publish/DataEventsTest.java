package org.iotahome.device.publish;

import org.iotahome.protocol.event.ChannelEvent;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataEventsTest {

    private static final long NOW = 1_764_000_000_000L;

    @Test
    void carriesTheReadingsOldestFirstAndTheNewestTelegramAsRaw() {
        List<MeterReading> group = List.of(MeterTelegrams.reading(1), MeterTelegrams.reading(2), MeterTelegrams.reading(3));
        String json = DataEvents.json(group, NOW);

        ChannelEvent back = EventCodec.read(json);
        assertThat(back).isInstanceOf(Data.class);
        Data data = (Data) back;
        assertThat(data.timestamp()).isEqualTo(NOW);
        assertThat(data.raw()).isEqualTo(MeterTelegrams.dsmr5(3).withCrcLine());
        assertThat(data.raw()).as("raw runs through the CRC line, PROTOCOL.md §7").matches("(?s)/.*![0-9A-F]{4}\r\n");
        assertThat(data.readings()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Reading r = MeterTelegrams.readBack(data.readings().get(i));
            assertThat(r).isEqualTo(MeterTelegrams.withoutObis(group.get(i).reading()));
            assertThat(r.importedKwh().tariff1()).isEqualTo(100.001 + i * 0.001, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void rawRunsThroughTheCrcLineSoAReaderCanCheckIt() {
        Data data = DataEvents.of(List.of(MeterTelegrams.reading(5)), NOW);
        assertThat(data.raw()).matches("(?s)/.*![0-9A-F]{4}\r\n");
        List<org.iotahome.protocol.p1.Framed> framed = org.iotahome.protocol.p1.TelegramFramer
                .forMeter(org.iotahome.protocol.p1.MeterVersion.V5_0)
                .feed(data.raw().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(framed).singleElement().isEqualTo(MeterTelegrams.dsmr5(5));
    }

    @Test
    void isAsciiSoItBecomesTrytesAndBack() {
        String json = DataEvents.json(List.of(MeterTelegrams.reading(7)), NOW);
        assertThat(json.chars()).allMatch(c -> c < 128);
        assertThat(AsciiTrytes.fromTrytes(AsciiTrytes.toTrytes(json))).isEqualTo(json);
    }

    @Test
    void aGroupTooLargeForOneEventBecomesConsecutiveEventsThatEachFit() {
        List<MeterReading> group = IntStream.rangeClosed(1, 40).mapToObj(MeterTelegrams::reading).toList();
        int one = DataEvents.json(group.subList(0, 1), NOW).length();
        int max = (DataEvents.json(group, NOW).length() + one) / 2;      // between one reading and all forty, gzipped

        List<String> events = DataEvents.json(group, NOW, max);
        assertThat(events).hasSizeGreaterThan(1).allSatisfy(e -> assertThat(e.length()).isLessThanOrEqualTo(max));
        List<Data> data = events.stream().map(e -> (Data) EventCodec.read(e)).toList();
        List<Reading> readings = data.stream().flatMap(d -> d.readings().stream()).map(MeterTelegrams::readBack).toList();
        List<Reading> sent = group.stream().map(r -> MeterTelegrams.withoutObis(r.reading())).toList();
        assertThat(readings).isEqualTo(sent);
        for (Data d : data) {
            Reading newest = MeterTelegrams.readBack(d.readings().get(d.readings().size() - 1));
            assertThat(d.raw()).isEqualTo(group.get(sent.indexOf(newest)).telegram().withCrcLine());
        }
    }

    @Test
    void aGroupThatFitsStaysOneEvent() {
        List<MeterReading> group = List.of(MeterTelegrams.reading(1), MeterTelegrams.reading(2));
        assertThat(DataEvents.json(group, NOW, 1 << 20)).containsExactly(DataEvents.json(group, NOW));
    }

    @Test
    void aSingleReadingLargerThanTheLimitStillGoesAlone() {
        assertThat(DataEvents.json(List.of(MeterTelegrams.reading(1)), NOW, 10)).hasSize(1);
    }

    @Test
    void aBatchTravelsAsReadingsGzWhenThatIsShorterAndReadsBackWhole() {
        List<MeterReading> group = IntStream.rangeClosed(1, 30).mapToObj(MeterTelegrams::reading).toList();
        String json = DataEvents.json(group, NOW);
        assertThat(json).contains("\"readingsGz\":").doesNotContain("\"readings\":").doesNotContain("obis");
        Data data = (Data) EventCodec.read(json);
        assertThat(data.raw()).isEqualTo(MeterTelegrams.dsmr5(30).withCrcLine());
        assertThat(data.readings().stream().map(MeterTelegrams::readBack).toList())
                .isEqualTo(group.stream().map(r -> MeterTelegrams.withoutObis(r.reading())).toList());
        assertThat(json.length()).isLessThan(org.iotahome.protocol.event.DataReadings.plainJson(data.readings()).length());
    }

    @Test
    void refusesAnEmptyGroup() {
        assertThatThrownBy(() -> DataEvents.json(List.of(), NOW)).hasMessageContaining("at least one reading");
    }
}
