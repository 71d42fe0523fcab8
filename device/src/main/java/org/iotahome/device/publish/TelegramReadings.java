package org.iotahome.device.publish;

import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.Parsed;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Framed telegrams to readings. A rejection (from the framer or the parser) is counted by reason
 * and logged, never published: bad input is data. The log is thinned (1st, 10th, 100th, ... of a
 * reason) so a noisy line cannot flood the Pi's journal.
 */
public final class TelegramReadings {

    private static final Logger LOG = Logger.getLogger(TelegramReadings.class);

    private final TelegramParser parser;
    private final Map<Rejected.Reason, Long> rejected = new EnumMap<>(Rejected.Reason.class);
    private long readings;

    public TelegramReadings(TelegramParser parser) {
        this.parser = parser;
    }

    /** The reading this telegram holds, or nothing when it was rejected. */
    public synchronized List<MeterReading> read(Framed framed) {
        if (framed instanceof Rejected r) return reject(r);
        Telegram telegram = (Telegram) framed;
        Parsed parsed = parser.parse(telegram);
        if (parsed instanceof Rejected r) return reject(r);
        readings++;
        return List.of(new MeterReading(telegram, (Reading) parsed));
    }

    public synchronized long readings() {
        return readings;
    }

    public synchronized long rejected(Rejected.Reason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    private List<MeterReading> reject(Rejected r) {
        long n = rejected.merge(r.reason(), 1L, Long::sum);
        if (isPowerOfTen(n))
            LOG.warnf("telegram rejected (%s, %d so far): %s", r.reason().label(), n, r.detail());
        else
            LOG.debugf("telegram rejected (%s, %d so far): %s", r.reason().label(), n, r.detail());
        return List.of();
    }

    private static boolean isPowerOfTen(long n) {
        while (n % 10 == 0) n /= 10;
        return n == 1;
    }
}
