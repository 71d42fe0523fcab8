package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MeterTimeTest {

    private static OptionalLong at(String iso) {
        return OptionalLong.of(Instant.parse(iso).toEpochMilli());
    }

    @Test
    void theParsersIsoFormKeepsTheMetersOffset() {
        assertThat(MeterTime.parse("2023-07-02T12:00:00+02:00")).isEqualTo(at("2023-07-02T10:00:00Z"));
        assertThat(MeterTime.parse("2010-12-09T11:30:20+01:00")).isEqualTo(at("2010-12-09T10:30:20Z"));
    }

    @Test
    void theTelegramsFormIsWinterPlusOneAndSummerPlusTwo() {
        assertThat(MeterTime.parse("101209113020W")).isEqualTo(at("2010-12-09T10:30:20Z"));
        assertThat(MeterTime.parse("160615142512S")).isEqualTo(at("2016-06-15T12:25:12Z"));
    }

    @Test
    void anythingElseIsNoTime() {
        for (String bad : new String[] {null, "", "yesterday", "101209113020X", "1012091130W", "2023-07-02T12:00:00"})
            assertThat(MeterTime.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
}
