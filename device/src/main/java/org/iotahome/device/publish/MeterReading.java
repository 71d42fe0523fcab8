package org.iotahome.device.publish;

import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Telegram;

/**
 * A telegram and what it parsed into: DATA carries both, the text of the newest as {@code raw}.
 * {@code journal}: its number in the {@link OpenBatchJournal} (0 where it is not kept there).
 */
public record MeterReading(Telegram telegram, Reading reading, long journal) {

    public MeterReading {
        if (telegram == null || reading == null)
            throw new IllegalArgumentException("a meter reading needs its telegram and its parsed reading");
    }

    public MeterReading(Telegram telegram, Reading reading) {
        this(telegram, reading, 0);
    }

    public MeterReading journaled(long sequence) {
        return new MeterReading(telegram, reading, sequence);
    }
}
