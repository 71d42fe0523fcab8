package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;
import org.junit.jupiter.api.Test;

/** Rejections are counted by kind and the last one is kept, with its telegram, for the status page. */
class TelegramReadingsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void countsRejectionsByKindAndKeepsTheLastWithTheTelegramItRejected() {
        TelegramReadings readings = new TelegramReadings(new TelegramParser(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(readings.lastRejected()).isNull();

        assertThat(readings.read(MeterTelegrams.dsmr5(1))).hasSize(1);
        assertThat(readings.read(new Rejected(Rejected.Reason.CRC, "the telegram at byte 900 says CRC16 1234", 900))).isEmpty();
        assertThat(readings.lastRejected()).isEqualTo(
                new TelegramReadings.LastRejected("crc", "the telegram at byte 900 says CRC16 1234", 900, NOW, null));

        // A telegram whose CRC was fine but whose lines are no OBIS data: the parser's rejection, shown with its text
        Telegram garbled = new Telegram("/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\nthis is no OBIS line\r\n!", true, 1800);
        assertThat(readings.read(garbled)).isEmpty();
        TelegramReadings.LastRejected last = readings.lastRejected();
        assertThat(last.kind()).isEqualTo("malformed");
        assertThat(last.offset()).isEqualTo(1800);
        assertThat(last.detail()).contains("this is no OBIS line");
        assertThat(last.telegram()).isEqualTo(garbled.text());

        assertThat(readings.rejected(Rejected.Reason.CRC)).isEqualTo(1);
        assertThat(readings.rejected(Rejected.Reason.MALFORMED)).isEqualTo(1);
        assertThat(readings.rejected(Rejected.Reason.ENCRYPTED)).isZero();
        assertThat(readings.readings()).isEqualTo(1);
    }

    @Test
    void showsAtMostTheFirst4KiBOfAHugeRejectedTelegram() {
        TelegramReadings readings = new TelegramReadings(new TelegramParser(), Clock.fixed(NOW, ZoneOffset.UTC));
        String huge = "/X\r\n" + "nonsense\r\n".repeat(1500) + "!";
        readings.read(new Telegram(huge, true, 0));
        assertThat(readings.lastRejected().telegram()).hasSize(TelegramReadings.MAX_SHOWN_CHARS + 1).startsWith("/X\r\n");
    }
}
