package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A channel published through a Tangle and read back from it, as the device and providers do. */
class TangleMessageTransportTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport =
            new TangleMessageTransport(tangle, "IOTAHOME", clock::get, Duration.ofSeconds(30));

    @Test
    void whatAPublisherSendsAReaderReadsInOrderAcrossFragments(@TempDir Path dir) throws Exception {
        SideKey key = new SideKey("DEVICE9KEY");
        ChannelPublisher publisher = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> MamChannel.open("D".repeat(81), MamMode.RESTRICTED, key, 2));
        String root = publisher.channel().root();
        List<String> sent = List.of("{\"n\":1}", "{\"raw\":\"" + "x".repeat(3000) + "\"}", "{\"n\":3}");
        for (String json : sent) publisher.publish(AsciiTrytes.toTrytes(json));

        ReadResult read = new ChannelReader(transport).read(root, MamMode.RESTRICTED, key);

        assertThat(read.messages()).extracting(m -> AsciiTrytes.fromTrytes(m.message())).containsExactlyElementsOf(sent);
        assertThat(read.nextRoot()).isEqualTo(publisher.channel().root());
        assertThat(read.skipped()).isEmpty();
    }

    @Test
    void aResentMessageIsReadOnceAndForgeriesAtTheAddressAreSkipped(@TempDir Path dir) throws Exception {
        MamChannel channel = MamChannel.open("E".repeat(81), MamMode.PUBLIC, SideKey.NONE, 1);
        MamChannel.Created first = channel.create(AsciiTrytes.toTrytes("{\"n\":1}"));
        transport.send(first.message().address(), first.message().payload());
        transport.send(first.message().address(), first.message().payload()); // a re-send after a crash
        MamChannel other = MamChannel.open("F".repeat(81), MamMode.PUBLIC, SideKey.NONE, 1);
        transport.send(first.message().address(), other.create(AsciiTrytes.toTrytes("{\"forged\":1}")).message().payload());

        assertThat(transport.payloadsAt(first.message().address())).hasSize(2);
        ReadResult read = new ChannelReader(transport).read(first.message().root(), MamMode.PUBLIC, SideKey.NONE);
        assertThat(read.messages()).extracting(m -> AsciiTrytes.fromTrytes(m.message())).containsExactly("{\"n\":1}");
        assertThat(read.skipped()).extracting(ReadResult.Skipped::reason).containsExactly(ReadResult.Reason.INVALID);
    }
}
