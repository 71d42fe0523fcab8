package org.iotahome.device.publish;

import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.Parsed;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Framed telegrams to readings. A rejection (from the framer or the parser) is counted by reason
 * and logged, never published: bad input is data. The log is thinned (1st, 10th, 100th, ... of a
 * reason) so a noisy line cannot flood the Pi's journal; the last rejection is kept whole for the
 * status page instead, with the telegram it rejected when there was one.
 */
public final class TelegramReadings {

    private static final Logger LOG = Logger.getLogger(TelegramReadings.class);
    /** A telegram is at most 16 KiB (TelegramFramer); the status page shows this much of it. */
    static final int MAX_SHOWN_CHARS = 4096;

    /**
     * The last telegram or stretch of bytes that was rejected: its kind ({@code crc},
     * {@code incomplete}, {@code malformed}, {@code encrypted}), why, where in the stream, when,
     * and the telegram's text from '/' through '!' (cut at {@link #MAX_SHOWN_CHARS}) when the
     * parser refused a whole telegram; null when the framer found no telegram to show.
     */
    public record LastRejected(String kind, String detail, long offset, Instant at, String telegram) {
    }

    private final TelegramParser parser;
    private final Clock clock;
    private final MeterSeriesFile series;
    private final Map<Rejected.Reason, Long> rejected = new EnumMap<>(Rejected.Reason.class);
    private long readings;
    private LastRejected last;

    public TelegramReadings(TelegramParser parser) {
        this(parser, Clock.systemUTC(), MeterSeriesFile.inMemory());
    }

    public TelegramReadings(TelegramParser parser, Clock clock) {
        this(parser, clock, MeterSeriesFile.inMemory());
    }

    /** @param series where the meter's equipment id is kept, so a swapped meter's first reading is marked */
    public TelegramReadings(TelegramParser parser, Clock clock, MeterSeriesFile series) {
        this.parser = parser;
        this.clock = clock;
        this.series = series;
    }

    /** The reading this telegram holds, or nothing when it was rejected. */
    public synchronized List<MeterReading> read(Framed framed) {
        if (framed instanceof Rejected r) return reject(r, null);
        Telegram telegram = (Telegram) framed;
        Parsed parsed = parser.parse(telegram);
        if (parsed instanceof Rejected r) return reject(r, telegram);
        readings++;
        return List.of(new MeterReading(telegram, series.place((Reading) parsed)));
    }

    public synchronized long readings() {
        return readings;
    }

    public synchronized long rejected(Rejected.Reason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    /** The last rejection since start, or null when there was none. */
    public synchronized LastRejected lastRejected() {
        return last;
    }

    private List<MeterReading> reject(Rejected r, Telegram telegram) {
        long n = rejected.merge(r.reason(), 1L, Long::sum);
        String text = telegram == null ? null : telegram.text().length() <= MAX_SHOWN_CHARS ? telegram.text()
                : telegram.text().substring(0, MAX_SHOWN_CHARS) + "…";
        last = new LastRejected(r.reason().label(), r.detail(), r.offset(), clock.instant(), text);
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
