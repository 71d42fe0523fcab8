package org.iotahome.device.serial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.iotahome.device.DeviceConfig;
import org.iotahome.protocol.p1.P1Keys;
import org.iotahome.protocol.p1.TelegramFramer;

/** The serial source as a bean, from {@link DeviceConfig}: the only Quarkus part of this package. */
@ApplicationScoped
public class SerialBeans {

    @Produces
    @Singleton
    SerialSource serialSource(DeviceConfig config) {
        P1Keys keys = config.p1Keys();      // read once: a bad key stops startup by its name
        return new SerialSource(config.serialPort(), config.lineSettings(), config.serial().reconnectMin(),
                config.serial().reconnectMax(), () -> TelegramFramer.forMeter(config.meterVersion(), keys));
    }
}
