package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.serial.PtyPair;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;

/**
 * The node down for a whole minute while the meter sends a telegram a second: the readings wait
 * in the outbox, the drain shows as failing, and once the node is back every reading is on the
 * channel, once each and in the meter's order. A profile of its own: its own app, pty and channel.
 */
@QuarkusTest
@WithTestResource(PtyMeter.class)
@TestProfile(NodeDownForAMinuteTest.OwnApp.class)
class NodeDownForAMinuteTest {

    public static final class OwnApp implements QuarkusTestProfile {
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int TELEGRAMS = 60;

    @Inject
    FlakyTangle tangle;
    @Inject
    DeviceChannel channel;
    @Inject
    MamPublisher publisher;
    @Inject
    StreamHealth health;

    @Test
    void nothingIsLostAndTheOrderIsKept() throws Exception {
        PtyPair meter = new PtyPair(Path.of(ConfigProvider.getConfig().getValue(PtyMeter.PTY_DIR, String.class)));
        tangle.down(true);
        try {
            for (int n = 1; n <= TELEGRAMS; n++) {
                meter.send(MeterTelegrams.wire(n));
                Thread.sleep(1000);
            }
            assertThat(readChannel()).isEmpty();
            assertThat(publisher.queued()).isPositive();
            assertThat(health.status(DeviceStream.OUTBOX_DRAIN).failing()).isTrue();
        } finally {
            tangle.down(false);
        }

        AtomicReference<List<String>> kwh = new AtomicReference<>(List.of());
        PtyPair.await(() -> {
            kwh.set(readChannel().stream().flatMap(d -> d.readings().stream())
                    .map(r -> MeterTelegrams.readBack(r).importedKwh().tariff1()).map(v -> String.format(java.util.Locale.ROOT, "%010.3f", v)).toList());
            return kwh.get().size() >= TELEGRAMS;
        }, PATIENCE, "all " + TELEGRAMS + " readings on the channel");

        assertThat(kwh.get()).containsExactlyElementsOf(IntStream.rangeClosed(1, TELEGRAMS).mapToObj(MeterTelegrams::importKwh).toList());
        PtyPair.await(() -> publisher.queued() == 0, PATIENCE, "the outbox to be empty");
        assertThat(health.status(DeviceStream.OUTBOX_DRAIN).failing()).isFalse();
    }

    private List<Data> readChannel() throws Exception {
        TangleMessageTransport transport = new TangleMessageTransport(tangle.memory(), "IOTAHOME", System::currentTimeMillis,
                Duration.ofSeconds(30));
        ReadResult read = new ChannelReader(transport).read(channel.root(), MamMode.RESTRICTED, channel.sideKey());
        return read.messages().stream().map(m -> EventCodec.read(AsciiTrytes.fromTrytes(m.message()))).map(Data.class::cast).toList();
    }
}
