/**
 * P1 telegrams of Dutch (DSMR 2.2, 4.0, 4.2, 5.0) and Belgian (Fluvius, e-MUCS H) smart meters.
 * <p>
 * Bytes → {@link org.iotahome.protocol.p1.TelegramFramer} (sync on '/', CRC16 after '!',
 * bounded buffer) → {@link org.iotahome.protocol.p1.Framed}: a
 * {@link org.iotahome.protocol.p1.Telegram} or a {@link org.iotahome.protocol.p1.Rejected}
 * (crc, incomplete, malformed) → {@link org.iotahome.protocol.p1.TelegramParser} →
 * {@link org.iotahome.protocol.p1.Reading}, shaped as {@code p1-reading.schema.json} and written
 * by {@link org.iotahome.protocol.p1.ReadingJson}. {@link org.iotahome.protocol.p1.ReadingDecoder}
 * chains the two. {@link org.iotahome.protocol.p1.MeterVersion} names the meter generations
 * ({@code SMART_METER_VERSION}) and their serial line settings.
 * <p>
 * From the command line: {@code ./iotahome parse FILE} (or {@code -} for stdin) prints one JSON
 * line per telegram, a reading or {@code {"rejected": ..., "detail": ...}};
 * {@code ./iotahome bench p1} measures telegrams per second through framing, CRC and parsing.
 * Example telegrams and where their facts come from: {@code src/test/resources/p1/README.md}.
 */
package org.iotahome.protocol.p1;
