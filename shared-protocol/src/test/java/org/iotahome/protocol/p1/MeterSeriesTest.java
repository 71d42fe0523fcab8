package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeterSeriesTest {

    private static Reading reading(String id) {
        return new Reading("5.0", "X", true, id, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of());
    }

    @Test
    void marksTheFirstReadingOfANewMeterOnly() {
        MeterSeries.Step first = MeterSeries.START.next(reading("A"));
        assertThat(first.reading().meterChanged()).isNull();
        MeterSeries.Step same = first.series().next(reading("A"));
        assertThat(same.reading().meterChanged()).isNull();
        MeterSeries.Step swap = same.series().next(reading("B"));
        assertThat(swap.reading().meterChanged()).isTrue();
        assertThat(swap.series().next(reading("B")).reading().meterChanged()).isNull();
    }

    @Test
    void aReadingWithoutIdNeitherMarksNorBreaksTheSeries() {
        MeterSeries afterA = MeterSeries.START.next(reading("A")).series();
        MeterSeries.Step noId = afterA.next(reading(null));
        assertThat(noId.reading().meterChanged()).isNull();
        assertThat(noId.series()).isEqualTo(afterA);
        assertThat(noId.series().next(reading("B")).reading().meterChanged()).isTrue();
    }

    @Test
    void writesMeterChangedOnlyWhenTrue() {
        Reading marked = reading("B").withMeterChanged(true);
        assertThat(ReadingJson.line(marked)).contains("\"meterChanged\":true");
        assertThat(ReadingJson.line(reading("B").withMeterChanged(false))).doesNotContain("meterChanged");
        assertThat(ReadingJson.read(ReadingJson.line(marked))).isEqualTo(marked);
    }
}
