package org.iotahome.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.event.AccessHistory;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.EventWalk;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./iotahome access --device ADDRESS}: who could read a device's data, from when to when,
 * read from its consent channel on the Tangle by anyone holding that channel's key (the household,
 * the device, a provider it authorized). One JSON line per period, then one line saying how much of
 * the channel the key could read. A provider passes its address and envelope key to follow the
 * channel's key rotations that include it.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Who could read a device's data, from when to when, from its consent channel (issue 16).")
public final class AccessCommand implements Runnable {

    @Spec CommandSpec spec;
    @Option(names = "--device", required = true, description = "the device's address") String device;
    @Option(names = "--root", required = true, description = "the consent channel's root (its first, or the one you were given)") String root;
    @Option(names = "--side-key", required = true, description = "the consent channel's side key at that root") String sideKey;
    @Option(names = "--node", defaultValue = "http://localhost:14265", description = "a node's API (default ${DEFAULT-VALUE})") String node;
    @Option(names = "--address", description = "as a provider: your address, to follow rotations with --envelope-key") String self;
    @Option(names = "--envelope-key", description = "as a provider: your envelope.key file") Path envelopeKey;
    @Option(names = "--data-root", description = "the device's data channel root you were given: its KEY_ROTATIONs say when access really stopped")
    String dataRoot;
    @Option(names = "--data-side-key", description = "the data channel's side key at that root") String dataSideKey;

    @Override
    public void run() {
        Address deviceAddress = new Address(device);
        KeySchedule keys = KeySchedule.FIXED;
        if ((self == null) != (envelopeKey == null)) throw new IllegalArgumentException("--address and --envelope-key go together");
        if (self != null) keys = RotatedKeys.provider(new Address(self), new EnvelopeOpener(EnvelopeKeyFile.read(envelopeKey)));
        TangleMessageTransport source = new TangleMessageTransport(IriTangle.remotePow(IriClient.of(node), 9, 3), "IOTAHOME9ACCESS",
                System::currentTimeMillis, Duration.ofSeconds(30));
        EventWalk.Result walked;
        try {
            walked = EventWalk.walk(source, new ChannelKey(root, sideKey), keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the consent channel from " + node + ": " + e.getMessage(), e);
        }
        List<org.iotahome.protocol.event.ChannelEvent> events = walked.entries().stream().map(EventWalk.Entry::event).toList();
        List<AccessHistory.Period> periods = AccessHistory.of(deviceAddress, events);
        if ((dataRoot == null) != (dataSideKey == null)) throw new IllegalArgumentException("--data-root and --data-side-key go together");
        if (dataRoot != null) periods = AccessHistory.withDeviceRotations(periods, rotations(source, keys));
        for (AccessHistory.Period p : periods) {
            ObjectNode line = WireJson.object();
            line.put("provider", p.provider().trytes());
            line.put("host", p.host());
            line.put("goal", p.goal());
            line.put("from", Instant.ofEpochMilli(p.from()).toString());
            p.until().ifPresentOrElse(u -> line.put("until", Instant.ofEpochMilli(u).toString()), () -> line.putNull("until"));
            p.ended().ifPresent(e -> line.put("ended", e.name()));
            p.cutOff().ifPresent(c -> line.put("cutOff", Instant.ofEpochMilli(c).toString()));
            spec.commandLine().getOut().println(WireJson.write(line));
        }
        ObjectNode summary = WireJson.object();
        summary.put("messages", walked.messages());
        summary.put("events", events.size());
        summary.put("skipped", walked.skipped().size());
        summary.put("keyRotations", events.stream().filter(e -> e instanceof KeyRotation).count());
        events.stream().reduce((a, b) -> b).ifPresent(last -> summary.put("lastEvent", Instant.ofEpochMilli(last.timestamp()).toString()));
        spec.commandLine().getOut().println(WireJson.write(summary));
    }

    /** The device channel's KEY_ROTATIONs from the given root, in order. */
    private List<KeyRotation> rotations(TangleMessageTransport source, KeySchedule keys) {
        try {
            return EventWalk.walk(source, new ChannelKey(dataRoot, dataSideKey), keys).entries().stream().map(EventWalk.Entry::event)
                    .filter(e -> e instanceof KeyRotation).map(e -> (KeyRotation) e).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device's data channel from " + node + ": " + e.getMessage(), e);
        }
    }
}
