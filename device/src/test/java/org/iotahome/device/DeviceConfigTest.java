package org.iotahome.device;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.iotahome.device.publish.PublishMode;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.protocol.p1.LineSettings;
import org.iotahome.protocol.p1.MeterVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The %test profile of application.properties: meter 2.2 with the baud rate overridden, publishing defaults. */
@QuarkusTest
class DeviceConfigTest {

    @Inject
    DeviceConfig config;

    @Inject
    SerialSource source;

    @Test
    void takesLineSettingsFromTheMeterVersionWithOverrides() {
        assertThat(config.meterVersion()).isEqualTo(MeterVersion.V2_2);
        assertThat(config.lineSettings()).isEqualTo(new LineSettings(19200, 7, LineSettings.Parity.EVEN, 1));
    }

    @Test
    void makesTheSerialSourceFromTheConfiguration() {
        assertThat(source.portPath()).isEqualTo("/dev/null-p1-test");
        assertThat(source.lineSettings()).hasToString("19200 7E1");
        assertThat(source.stats().connected()).isFalse();      // /dev/null-p1-test does not exist: never open
    }

    @Test
    void publishesInBatchesEveryThirtySecondsToTheLocalNodeByDefault() {
        assertThat(config.publish().mode()).isEqualTo(PublishMode.BATCH);
        assertThat(config.publish().keepOneIn()).isEqualTo(10);
        assertThat(config.publish().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.iotaProvider()).isEqualTo("http://localhost:14265");
        assertThat(config.minWeightMagnitude()).isEqualTo(9);
        assertThat(config.seed()).isEmpty();                           // SEED unset: generated and kept
        assertThat(config.dataDir()).isEqualTo(Path.of("target/device-test-data"));
    }

    @Test
    void readsSmartMeterVersionAsPeopleWriteIt() {
        assertThat(new MeterVersionConverter().convert("fluvius")).isEqualTo(MeterVersion.FLUVIUS);
        assertThatThrownBy(() -> new MeterVersionConverter().convert("6.0")).hasMessageContaining("got '6.0'");
    }
}
