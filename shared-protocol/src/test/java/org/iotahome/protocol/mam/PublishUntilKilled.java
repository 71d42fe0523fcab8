package org.iotahome.protocol.mam;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link CrashSafetyTest}: publishes messages forever on a file-backed channel
 * until it is killed. Its sink appends "address payload" to a log and fsyncs, one write per line,
 * standing in for the Tangle.
 */
public final class PublishUntilKilled {

    public static void main(String[] args) throws IOException {
        Path state = Path.of(args[0]);
        Path log = Path.of(args[1]);
        String seed = args[2];
        try (FileOutputStream out = new FileOutputStream(log.toFile(), true)) {
            // A kill can cut a line short, as a send cut short by a network fault: end it as torn, never joined to the next one.
            String sofar = java.nio.file.Files.readString(log, StandardCharsets.US_ASCII);
            if (!sofar.isEmpty() && !sofar.endsWith("\n")) out.write(" TORN\n".getBytes(StandardCharsets.US_ASCII));
            MessageSink sink = (address, payload) -> {
                out.write((address + " " + payload + "\n").getBytes(StandardCharsets.US_ASCII));
                out.getFD().sync();
            };
            ChannelPublisher publisher = ChannelPublisher.open(new FileChannelStateStore(state), sink,
                    () -> MamChannel.open(seed, MamMode.PUBLIC, SideKey.NONE, 1));
            System.out.println("ready");
            System.out.flush();
            for (long n = 0; ; n++) publisher.publish(org.iotahome.protocol.trinary.AsciiTrytes.toTrytes("message " + n));
        }
    }
}
