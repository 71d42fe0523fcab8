package org.iotahome.device.publish;

import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Telegram;

/** A telegram and what it parsed into: DATA carries both, the text of the newest as {@code raw}. */
public record MeterReading(Telegram telegram, Reading reading) {

    public MeterReading {
        if (telegram == null || reading == null)
            throw new IllegalArgumentException("a meter reading needs its telegram and its parsed reading");
    }
}
