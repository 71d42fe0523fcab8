package org.iotahome.device.publish;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.MessageSink;
import org.iotahome.protocol.mam.SideKey;

/**
 * The child JVM of {@link KilledWhilePublishingTest}: drains the device's outbox onto its channel
 * as the device does ({@link MamPublisher} over a file-backed {@link ChannelPublisher}) until it is
 * killed or the outbox is empty. Its sink appends "address payload" to a log and fsyncs, standing
 * in for the Tangle.
 */
public final class DrainUntilKilled {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path log = Path.of(args[1]);
        String seed = args[2];
        try (FileOutputStream out = new FileOutputStream(log.toFile(), true)) {
            // A kill can cut a line short, as a send cut short by a network fault: it never arrived.
            String sofar = Files.readString(log, StandardCharsets.US_ASCII);
            if (!sofar.isEmpty() && !sofar.endsWith("\n")) out.write(" TORN\n".getBytes(StandardCharsets.US_ASCII));
            MessageSink sink = (address, payload) -> {
                out.write((address + " " + payload + "\n").getBytes(StandardCharsets.US_ASCII));
                out.getFD().sync();
            };
            ChannelPublisher channel = ChannelPublisher.open(new FileChannelStateStore(data.resolve("channel.json")), sink,
                    () -> MamChannel.open(seed, MamMode.PUBLIC, SideKey.NONE, 1));
            MamPublisher publisher = new MamPublisher(channel, Outbox.open(data.resolve("outbox")));
            System.out.println("ready");
            System.out.flush();
            while (publisher.publishNext().isPresent()) {
                // one entry per round, as the drain does
            }
            System.out.println("empty");
            System.out.flush();
        }
    }
}
