package org.iotahome.device.serial;

import io.smallrye.mutiny.subscription.Cancellable;
import org.iotahome.protocol.p1.Crc16;
import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.MeterVersion;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramFramer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real pty pair from socat: reading, unplugging in the middle of a telegram, replugging. */
class SerialSourceTest {

    private static String telegram(String kwh) {
        // DSMR 5.0.2 objects; the CRC16 computed over '/' through '!'.
        String body = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(230101120000W)\r\n"
                + "1-0:1.8.1(" + kwh + "*kWh)\r\n1-0:1.7.0(00.320*kW)\r\n0-1:24.1.0(003)\r\n"
                + "0-1:24.2.1(230101115500W)(01234.567*m3)\r\n!";
        return body + Crc16.hex(Crc16.of(body.getBytes(StandardCharsets.US_ASCII))) + "\r\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Framed next(BlockingQueue<Framed> received) throws InterruptedException {
        Framed f = received.poll(10, TimeUnit.SECONDS);
        assertThat(f).as("a telegram or rejection within 10 s").isNotNull();
        return f;
    }

    private static SerialSource source(Path port) {
        return new SerialSource(port.toString(), MeterVersion.V5_0.lineSettings(), Duration.ofMillis(50),
                Duration.ofMillis(400), () -> TelegramFramer.forMeter(MeterVersion.V5_0));
    }

    @Test
    void keepsDeliveringAfterUnplugAndReplugAndRejectsTheHalfTelegram(@TempDir Path dir) throws Exception {
        try (PtyPair pty = new PtyPair(dir).plugIn()) {
            SerialSource source = source(pty.meter());
            BlockingQueue<Framed> received = new LinkedBlockingQueue<>();
            Cancellable subscription = source.telegrams().subscribe().with(received::add);
            try {
                PtyPair.await(() -> source.stats().connected(), Duration.ofSeconds(10), "the source to open the pty");

                String first = telegram("000100.001");
                pty.send(bytes(first));
                assertThat(next(received)).isInstanceOf(Telegram.class)
                        .extracting(f -> ((Telegram) f).text()).asString().contains("000100.001");

                String second = telegram("000100.002");
                pty.send(bytes(second.substring(0, second.length() / 2)));
                PtyPair.await(() -> source.stats().bytes() >= first.length() + second.length() / 2,
                        Duration.ofSeconds(5), "the half telegram to be read");
                pty.unplug();
                Framed cut = next(received);
                assertThat(cut).isInstanceOf(Rejected.class);
                assertThat(((Rejected) cut).reason()).isEqualTo(Rejected.Reason.INCOMPLETE);
                PtyPair.await(() -> !source.stats().connected(), Duration.ofSeconds(5), "the source to notice");

                Thread.sleep(600);                     // a few failed attempts while unplugged
                pty.plugIn();
                PtyPair.await(() -> source.stats().connects() == 2, Duration.ofSeconds(10), "the source to reopen");
                String third = telegram("000100.003");
                pty.send(bytes(third));
                Framed after = next(received);
                assertThat(after).isInstanceOf(Telegram.class);
                assertThat(((Telegram) after).text()).contains("000100.003");

                SerialStats.Snapshot stats = source.stats();
                assertThat(stats.telegrams()).isEqualTo(2);
                assertThat(stats.rejected()).isEqualTo(1);
                assertThat(stats.rejected(Rejected.Reason.INCOMPLETE)).isEqualTo(1);
                assertThat(received).isEmpty();
            } finally {
                subscription.cancel();
            }
        }
    }

    @Test
    void waitsForAPortThatIsNotThereYet(@TempDir Path dir) throws Exception {
        PtyPair pty = new PtyPair(dir);
        SerialSource source = source(pty.meter());
        BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        Cancellable subscription = source.bytes().subscribe().with(chunks::add);
        try (pty) {
            Thread.sleep(300);
            assertThat(source.stats().connected()).isFalse();
            pty.plugIn();
            PtyPair.await(() -> source.stats().connected(), Duration.ofSeconds(10), "the source to open the pty");
            pty.send(bytes("/hello"));
            byte[] got = chunks.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(new String(got, StandardCharsets.US_ASCII)).startsWith("/h");
            subscription.cancel();
            PtyPair.await(() -> !source.stats().connected(), Duration.ofSeconds(5), "cancelling to close the port");
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void refusesAnImpossibleBackoff() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SerialSource("/dev/ttyUSB0",
                        MeterVersion.V5_0.lineSettings(), Duration.ZERO, Duration.ofSeconds(1), TelegramFramer::new))
                .hasMessageContaining("0 < min <= max");
    }
}
