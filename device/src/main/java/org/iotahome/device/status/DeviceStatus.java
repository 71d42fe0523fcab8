package org.iotahome.device.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /status} answers and the status page shows. Holds no secret: neither seed, side
 * key nor pairing secret (the pairing QR code is made apart, for the page only).
 */
public record DeviceStatus(String address, Pairing pairing, List<Provider> providers, Serial serial, Counters counters,
                           Outbox outbox, Node node, Channel channel, List<Stream> streams) {

    public enum PairingState { UNPAIRED, PENDING, PAIRED }

    /** {@code home}: My Home's address, null when unpaired. */
    public record Pairing(PairingState state, String home) {}

    public record Provider(String address, String url) {}

    public record Serial(String port, boolean connected, String problem) {}

    /**
     * Since start: telegrams read and rejected by kind, DATA events published, readings dropped;
     * {@code lastRejected}: the last rejection and its telegram (null before the first).
     */
    public record Counters(long telegramsRead, Map<String, Long> rejected, LastRejected lastRejected, long published,
                           long dropped) {}

    /** See {@link org.iotahome.device.publish.TelegramReadings.LastRejected}; {@code telegram} may be null. */
    public record LastRejected(String kind, String detail, long offset, Instant at, String telegram) {}

    public record Outbox(int entries, long bytes, long maxBytes) {}

    /** {@code lastAttachMillis}: the last attach's latency (mostly the node's proof of work), null before the first. */
    public record Node(String url, boolean reachable, String problem, Long lastAttachMillis, Instant lastAnswer) {}

    /** {@code index}: the leaf the next message is signed with, i.e. how many the channel holds. */
    public record Channel(String root, long index) {}

    public record Stream(String name, boolean failing, String problem, Instant failingSince, long failures, Instant lastOk) {}
}
