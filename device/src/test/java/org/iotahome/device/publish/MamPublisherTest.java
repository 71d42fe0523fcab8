package org.iotahome.device.publish;

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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Over an in-memory Tangle, read back with ChannelReader: each entry once, in order, none lost. */
class MamPublisherTest {

    private static final String SEED = "DEVICESEED".repeat(8) + "D";
    private static final SideKey KEY = new SideKey("SIDEKEY9".repeat(10) + "S");

    private final InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
    private final TangleMessageTransport transport =
            new TangleMessageTransport(tangle, "IOTAHOME", System::currentTimeMillis, Duration.ofSeconds(30)); // no PoW in memory
    /** The node fails while this is above zero, counting down. */
    private final AtomicInteger failures = new AtomicInteger();
    private final MessageSink flakyNode = (address, payload) -> {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IOException("node unavailable (test)");
        transport.send(address, payload);
    };

    private MamPublisher open(Path dir) throws IOException {
        ChannelPublisher channel = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), flakyNode,
                () -> MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1));
        return new MamPublisher(channel, Outbox.open(dir.resolve("outbox")));
    }

    /** Queues events as the pipeline does, before the publisher (which lists the outbox on opening) starts. */
    private static void queue(Path dir, String... events) throws IOException {
        Outbox outbox = Outbox.open(dir.resolve("outbox"));
        for (String e : events) outbox.append(e);
    }

    private List<String> channelMessages() throws IOException {
        String root = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1).root();
        ReadResult read = new ChannelReader(transport).read(root, MamMode.RESTRICTED, KEY);
        assertThat(read.skipped()).as("payloads that did not verify or repeated a leaf").isEmpty();
        return read.messages().stream().map(m -> AsciiTrytes.fromTrytes(m.message())).toList();
    }

    @Test
    void publishesEntriesOldestFirstAndEmptiesTheOutbox(@TempDir Path dir) throws IOException {
        queue(dir, "{\"n\":1}", "{\"n\":2}");
        MamPublisher publisher = open(dir);

        assertThat(publisher.publishNext()).get().extracting(Published::sequence).isEqualTo(1L);
        assertThat(publisher.publishNext()).get().extracting(Published::sequence).isEqualTo(2L);
        assertThat(publisher.publishNext()).isEmpty();
        assertThat(publisher.queued()).isZero();
        assertThat(channelMessages()).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void aFailedSendKeepsTheEntryAndTheRetryPublishesItOnce(@TempDir Path dir) throws IOException {
        queue(dir, "{\"n\":1}");
        MamPublisher publisher = open(dir);
        failures.set(2);

        assertThatThrownBy(publisher::publishNext).hasMessageContaining("node unavailable");
        assertThat(publisher.queued()).isEqualTo(1);
        assertThatThrownBy(publisher::publishNext).hasMessageContaining("node unavailable");
        assertThat(publisher.queued()).isEqualTo(1);
        assertThat(channelMessages()).isEmpty();

        assertThat(publisher.publishNext()).isPresent();
        assertThat(publisher.publishNext()).isEmpty();
        assertThat(channelMessages()).containsExactly("{\"n\":1}");
    }

    @Test
    void aRestartAfterAFailedSendPublishesTheEntryOnceNotTwice(@TempDir Path dir) throws IOException {
        queue(dir, "{\"n\":1}", "{\"n\":2}");
        failures.set(1);
        assertThatThrownBy(open(dir)::publishNext).hasMessageContaining("node unavailable");
        // channel.json now holds the message for entry 1 and has moved past its root; the process dies here.

        MamPublisher restarted = open(dir);
        assertThat(restarted.publishNext()).get().extracting(Published::sequence).isEqualTo(1L);
        assertThat(restarted.publishNext()).get().extracting(Published::sequence).isEqualTo(2L);
        assertThat(restarted.publishNext()).isEmpty();
        assertThat(channelMessages()).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void anEntryMarkedButNeverSavedIsPublishedAfterARestart(@TempDir Path dir) throws IOException {
        Outbox outbox = Outbox.open(dir.resolve("outbox"));
        Outbox.Entry entry = outbox.append("{\"n\":1}");
        String root = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1).root();
        outbox.markSending(entry, root);                        // died before channel.json was written

        assertThat(open(dir).publishNext()).get().extracting(Published::root).isEqualTo(root);
        assertThat(channelMessages()).containsExactly("{\"n\":1}");
        assertThat(Outbox.open(dir.resolve("outbox")).size()).isZero();
    }

    @Test
    void dataInEitherFormReachesAReaderOfTheChannelWhole(@TempDir Path dir) throws IOException {
        List<MeterReading> batch = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(MeterTelegrams::reading).toList();
        org.iotahome.protocol.event.Data expected = DataEvents.of(batch, 1_764_000_000_000L);
        String gz = DataEvents.json(batch, 1_764_000_000_000L);
        String plain = "{\"v\":1,\"type\":\"DATA\",\"timestamp\":1764000000000,\"raw\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(expected.raw()) + ",\"readings\":"
                + org.iotahome.protocol.event.DataReadings.plainJson(expected.readings()) + "}";
        assertThat(gz).contains("\"readingsGz\":");
        queue(dir, gz, plain);
        MamPublisher publisher = open(dir);
        while (publisher.publishNext().isPresent()) { }

        List<String> read = channelMessages();
        assertThat(read).containsExactly(gz, plain);
        for (String event : read)
            assertThat(org.iotahome.protocol.event.EventCodec.read(event)).isEqualTo(expected);
    }
}
