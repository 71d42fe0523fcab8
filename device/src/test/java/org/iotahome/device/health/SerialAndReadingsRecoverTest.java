package org.iotahome.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.iotahome.device.serial.PtyPair;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.protocol.p1.Crc16;
import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.MeterVersion;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramFramer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial port and the readings stream on a real pty (socat), with failures injected, as health sees them. */
class SerialAndReadingsRecoverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(50);

    private static byte[] telegram(String kwh) {
        String body = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(230101120000W)\r\n1-0:1.8.1(" + kwh + "*kWh)\r\n!";
        return (body + Crc16.hex(Crc16.of(body.getBytes(StandardCharsets.US_ASCII))) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static SerialSource source(Path port, java.util.function.Supplier<TelegramFramer> framers) {
        return new SerialSource(port.toString(), MeterVersion.V5_0.lineSettings(), FAST, Duration.ofMillis(300), framers);
    }

    @Test
    void aMissingPortIsNotReadyWithWhyAndReadyOncePluggedIn(@TempDir Path dir) throws Exception {
        try (PtyPair pty = new PtyPair(dir)) {
            SerialSource source = source(pty.meter(), () -> TelegramFramer.forMeter(MeterVersion.V5_0));
            var check = new DeviceHealthChecks().serial(source);
            AssertSubscriber<Framed> reading = source.telegrams().subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
            try {
                PtyPair.await(() -> source.stats().problem() != null, WAIT, "the source to try the missing port");
                HealthCheckResponse down = check.call();
                assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(down.getData().orElseThrow().get("problem").toString()).contains("not available: no such device");

                pty.plugIn();
                PtyPair.await(() -> check.call().getStatus() == HealthCheckResponse.Status.UP, WAIT, "serial to be ready");
                assertThat(check.call().getData().orElseThrow()).doesNotContainKey("problem");
            } finally {
                reading.cancel();
            }
        }
    }

    @Test
    void aFailingReadingsStreamIsReportedAndReadsTheMeterAfresh(@TempDir Path dir) throws Exception {
        AtomicInteger framers = new AtomicInteger();
        StreamHealth health = new StreamHealth(Clock.systemUTC());
        try (PtyPair pty = new PtyPair(dir).plugIn()) {
            // The first framer cannot be made, as a bug would have it; the stream must come back with a new one.
            SerialSource source = source(pty.meter(), () -> {
                if (framers.incrementAndGet() == 1) throw new IllegalStateException("framer broke (test)");
                return TelegramFramer.forMeter(MeterVersion.V5_0);
            });
            AssertSubscriber<Framed> reading = health.lasting(DeviceStream.READINGS, source.telegrams(), FAST, Duration.ofMillis(300))
                    .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
            try {
                PtyPair.await(() -> health.status(DeviceStream.READINGS).failures() == 1, WAIT, "health to show the readings failing");
                assertThat(health.status(DeviceStream.READINGS).problem()).contains("IllegalStateException").contains("framer broke");
                assertThat(health.status(DeviceStream.READINGS).failing()).isTrue();

                PtyPair.await(() -> framers.get() >= 2 && source.stats().connected(), WAIT, "the stream to read the port afresh");
                PtyPair.await(() -> {
                    pty.send(telegram("000002.000"));
                    return !reading.getItems().isEmpty();
                }, WAIT, "a telegram after the failure");
                assertThat(reading.getItems()).first().isInstanceOf(Telegram.class);
                assertThat(health.status(DeviceStream.READINGS).failing()).isFalse();
                assertThat(health.status(DeviceStream.READINGS).failures()).isEqualTo(1);
                assertThat(reading.getFailure()).isNull();
            } finally {
                reading.cancel();
            }
        }
    }
}
