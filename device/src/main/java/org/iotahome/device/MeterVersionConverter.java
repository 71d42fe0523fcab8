package org.iotahome.device;

import org.eclipse.microprofile.config.spi.Converter;
import org.iotahome.protocol.p1.MeterVersion;

/** SMART_METER_VERSION as written by people: "5.0", "5", "fluvius", ... */
public final class MeterVersionConverter implements Converter<MeterVersion> {
    @Override
    public MeterVersion convert(String value) {
        return MeterVersion.parse(value);
    }
}
