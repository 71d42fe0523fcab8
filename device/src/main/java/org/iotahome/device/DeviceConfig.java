package org.iotahome.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.iotahome.protocol.p1.LineSettings;
import org.iotahome.protocol.p1.MeterVersion;

import java.time.Duration;
import java.util.Optional;

/** The device's settings; environment names as in ARCHITECTURE.md (see application.properties). */
@ConfigMapping(prefix = "device")
public interface DeviceConfig {

    /** P1_SERIAL_PORT: the meter's serial port, a device path or a symlink to one. */
    String serialPort();

    /** SMART_METER_VERSION: chooses the line settings (2.2: 9600 7E1; 4.x, 5.0, fluvius: 115200 8N1). */
    @WithConverter(MeterVersionConverter.class)
    MeterVersion meterVersion();

    Serial serial();

    /** Overrides of the meter version's line settings, and how to come back when the port goes. */
    interface Serial {
        Optional<Integer> baudRate();

        Optional<Integer> dataBits();

        Optional<LineSettings.Parity> parity();

        Optional<Integer> stopBits();

        /** First wait after the port disappears; doubles on each failed attempt. */
        @WithDefault("1s")
        Duration reconnectMin();

        /** Longest wait between attempts: a replugged cable is picked up within this. */
        @WithDefault("30s")
        Duration reconnectMax();
    }

    /** The meter version's line settings with any override applied. */
    default LineSettings lineSettings() {
        LineSettings base = meterVersion().lineSettings();
        Serial s = serial();
        return new LineSettings(s.baudRate().orElse(base.baudRate()), s.dataBits().orElse(base.dataBits()),
                s.parity().orElse(base.parity()), s.stopBits().orElse(base.stopBits()));
    }
}
