package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.ChannelReader;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSink;
import org.iotahome.protocol.mam.ReadResult;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key rotation goes through the drain's publisher: it takes the next root, and what follows is under the new key. */
class MamPublisherRotationTest {

    private static final String SEED = "ROTATESEED".repeat(8) + "R";
    private static final SideKey OLD = new SideKey("OLD9KEY");
    private static final SideKey NEW = new SideKey("NEW9KEY");

    private final InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
    private final TangleMessageTransport transport =
            new TangleMessageTransport(tangle, "IOTAHOME", System::currentTimeMillis, Duration.ofSeconds(30));
    private final AtomicInteger failures = new AtomicInteger();
    private final MessageSink flakyNode = (address, payload) -> {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IOException("node unavailable (test)");
        transport.send(address, payload);
    };

    private List<String> read(SideKey first, SideKey then) throws IOException {
        String root = MamChannel.open(SEED, MamMode.RESTRICTED, OLD, 2).root();
        ReadResult before = new ChannelReader(transport).read(root, MamMode.RESTRICTED, first);
        ReadResult after = new ChannelReader(transport).read(before.nextRoot(), MamMode.RESTRICTED, then);
        // Under the old key the walk stops at the first message masked under the new one.
        assertThat(after.skipped()).isEmpty();
        return java.util.stream.Stream.concat(before.messages().stream(), after.messages().stream())
                .map(m -> AsciiTrytes.fromTrytes(m.message())).toList();
    }

    @Test
    void anEntryInFlightGoesOutBeforeTheRotationAndQueuedDataAfterItUnderTheNewKey(@TempDir Path dir) throws IOException {
        ChannelPublisher channel = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), flakyNode,
                () -> MamChannel.open(SEED, MamMode.RESTRICTED, OLD, 2));
        Outbox outbox = Outbox.open(dir.resolve("outbox"));
        MamPublisher publisher = new MamPublisher(channel, outbox);
        outbox.append("{\"n\":1}");
        outbox.append("{\"n\":2}");
        failures.set(1);
        assertThatThrownBy(publisher::publishNext).isInstanceOf(IOException.class); // n=1 is marked for the head root

        publisher.rotate("{\"rotation\":true}", MamMode.RESTRICTED, NEW);
        while (publisher.publishNext().isPresent()) {
            // drain what is left
        }

        assertThat(read(OLD, NEW)).containsExactly("{\"n\":1}", "{\"rotation\":true}", "{\"n\":2}");
        assertThat(channel.channel().state().key()).isEqualTo(NEW);
    }
}
