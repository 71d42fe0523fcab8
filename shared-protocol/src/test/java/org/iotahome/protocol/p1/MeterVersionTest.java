package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeterVersionTest {

    @Test
    void readsTheNamesOfSmartMeterVersion() {
        assertThat(MeterVersion.parse("2.2")).isEqualTo(MeterVersion.V2_2);
        assertThat(MeterVersion.parse("4")).isEqualTo(MeterVersion.V4_0);
        assertThat(MeterVersion.parse(" 4.2 ")).isEqualTo(MeterVersion.V4_2);
        assertThat(MeterVersion.parse("5.0")).isEqualTo(MeterVersion.V5_0);
        assertThat(MeterVersion.parse("Fluvius")).isEqualTo(MeterVersion.FLUVIUS);
        assertThat(MeterVersion.parse("belgian")).isEqualTo(MeterVersion.FLUVIUS);
    }

    @Test
    void refusesAnUnknownVersionListingTheKnownOnes() {
        assertThatThrownBy(() -> MeterVersion.parse("3.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smart meter version must be one of 2.2, 4.0, 4.2, 5.0, fluvius, got '3.0'");
    }

    @Test
    void uses9600SevenEvenOneFor22And115200EightNoneOneForTheRest() {
        assertThat(MeterVersion.V2_2.lineSettings()).hasToString("9600 7E1");
        for (MeterVersion v : new MeterVersion[]{MeterVersion.V4_0, MeterVersion.V4_2, MeterVersion.V5_0, MeterVersion.FLUVIUS})
            assertThat(v.lineSettings()).isEqualTo(new LineSettings(115200, 8, LineSettings.Parity.NONE, 1));
    }

    @Test
    void refusesImpossibleLineSettings() {
        assertThatThrownBy(() -> new LineSettings(115200, 9, LineSettings.Parity.NONE, 1)).hasMessageContaining("data bits must be 5..8, got 9");
        assertThatThrownBy(() -> new LineSettings(0, 8, LineSettings.Parity.NONE, 1)).hasMessageContaining("baud rate");
        assertThatThrownBy(() -> new LineSettings(9600, 7, null, 1)).hasMessageContaining("parity");
    }
}
