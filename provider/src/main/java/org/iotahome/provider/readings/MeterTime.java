package org.iotahome.provider.readings;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * A reading's {@code meterTime} (OBIS 0-0:1.0.0) as ms since the epoch. The parser writes it as
 * ISO-8601 with the meter's offset (p1-reading.schema.json); the telegram's own form
 * {@code YYMMDDhhmmssX} is read too, X = W (winter, +01:00) or S (summer, +02:00), since the
 * schema leaves readings from other parsers possible. Anything else is no time.
 */
public final class MeterTime {

    private static final DateTimeFormatter DSMR = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final ZoneOffset WINTER = ZoneOffset.ofHours(1);
    private static final ZoneOffset SUMMER = ZoneOffset.ofHours(2);

    private MeterTime() {
    }

    public static OptionalLong parse(String text) {
        if (text == null || text.isEmpty()) return OptionalLong.empty();
        try {
            if (text.length() == 13 && (text.endsWith("W") || text.endsWith("S"))) {
                LocalDateTime local = LocalDateTime.parse(text.substring(0, 12), DSMR);
                return OptionalLong.of(local.toInstant(text.endsWith("S") ? SUMMER : WINTER).toEpochMilli());
            }
            return OptionalLong.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
