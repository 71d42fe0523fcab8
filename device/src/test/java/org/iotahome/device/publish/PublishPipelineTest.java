package org.iotahome.device.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iotahome.device.serial.PtyPair;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in one JVM: a meter on a real pty, the pipeline batching every 300 ms into the outbox
 * and onto an in-memory Tangle behind a node that is down at first, and a reader that knows only
 * the device's root and side key.
 */
@QuarkusTest
@WithTestResource(PtyMeter.class)
class PublishPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);   // a loaded 2-core machine

    @Inject
    FlakyTangle tangle;
    @Inject
    DeviceChannel channel;
    @Inject
    SerialSource serial;
    @Inject
    TelegramReadings telegramReadings;
    @Inject
    MamPublisher publisher;

    @Test
    void theMetersTelegramsReachTheDeviceChannelAsDataEventsOnceTheNodeIsUp() throws Exception {
        // Read when the test runs: a config injection would be checked for every @QuarkusTest, also those without the pty.
        PtyPair meter = new PtyPair(Path.of(ConfigProvider.getConfig().getValue(PtyMeter.PTY_DIR, String.class)));
        PtyPair.await(() -> serial.stats().connected(), PATIENCE, "the device to open the meter's pty");

        tangle.down(true);
        for (int n = 1; n <= 3; n++) meter.send(MeterTelegrams.wire(n));
        PtyPair.await(() -> publisher.queued() >= 1 && tangle.refusedAttaches() >= 2, PATIENCE,
                "readings kept in the outbox while the node refuses them, and retried");
        assertThat(readChannel()).isEmpty();

        tangle.down(false);
        byte[] damaged = MeterTelegrams.wire(99);
        damaged[damaged.length - 4] ^= 0x01;                            // the CRC no longer matches
        meter.send(damaged);
        for (int n = 4; n <= 5; n++) meter.send(MeterTelegrams.wire(n));

        AtomicReference<List<Data>> events = new AtomicReference<>(List.of());
        PtyPair.await(() -> {
            events.set(readChannel());
            return events.get().stream().mapToInt(d -> d.readings().size()).sum() >= 5;
        }, PATIENCE, "five readings on the device channel");

        List<Reading> readings = events.get().stream().flatMap(d -> d.readings().stream())
                .map(MeterTelegrams::readBack).toList();
        assertThat(readings).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 5).mapToObj(n -> MeterTelegrams.withoutObis(MeterTelegrams.reading(n).reading())).toList());
        for (Data d : events.get()) {                                   // raw: the newest telegram of each event
            Reading newest = MeterTelegrams.readBack(d.readings().get(d.readings().size() - 1));
            int n = (int) Math.round((newest.importedKwh().tariff1() - 100) * 1000);
            assertThat(d.raw()).isEqualTo(DataEvents.raw(MeterTelegrams.dsmr5(n)));
        }
        assertThat(events.get()).hasSizeGreaterThan(1);                 // what waited for the node, and what came after
        assertThat(telegramReadings.rejected(Rejected.Reason.CRC)).isEqualTo(1);
        PtyPair.await(() -> publisher.queued() == 0, PATIENCE, "the outbox to be empty");
    }

    /** What a provider given the root and side key reads, DATA events only. */
    private List<Data> readChannel() throws Exception {
        TangleMessageTransport transport = new TangleMessageTransport(tangle.memory(), "IOTAHOME", System::currentTimeMillis,
                Duration.ofSeconds(30));                                // no PoW in memory
        ReadResult read = new ChannelReader(transport).read(channel.root(), MamMode.RESTRICTED, channel.sideKey());
        assertThat(read.skipped()).isEmpty();
        return read.messages().stream()
                .map(m -> EventCodec.read(AsciiTrytes.fromTrytes(m.message())))
                .map(Data.class::cast).toList();
    }
}
