package org.iotahome.device.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotahome.device.DeviceConfig;
import org.iotahome.device.consent.ProviderStore;
import org.iotahome.device.health.NodeStatus;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.device.pairing.DeviceInbox;
import org.iotahome.device.pairing.Pairing;
import org.iotahome.device.pairing.PairingStore;
import org.iotahome.device.publish.DeviceChannel;
import org.iotahome.device.publish.MamPublisher;
import org.iotahome.device.publish.Outbox;
import org.iotahome.device.publish.PublishCounters;
import org.iotahome.device.publish.TelegramReadings;
import org.iotahome.device.serial.SerialSource;
import org.iotahome.device.serial.SerialStats;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.tangle.Address;

/** Gathers the device's {@link DeviceStatus} from the parts that keep it; reads only. */
@ApplicationScoped
public class StatusReport {

    @Inject
    @DeviceInbox
    Address address;
    @Inject
    PairingStore pairing;
    @Inject
    ProviderStore providers;
    @Inject
    SerialSource serial;
    @Inject
    TelegramReadings readings;
    @Inject
    PublishCounters counters;
    @Inject
    MamPublisher publisher;
    @Inject
    Outbox outbox;
    @Inject
    NodeStatus node;
    @Inject
    DeviceChannel channel;
    @Inject
    StreamHealth health;
    @Inject
    DeviceConfig config;

    public DeviceStatus now() {
        return new DeviceStatus(address.withChecksum(), pairing(), providers(), serial(), counters(),
                new DeviceStatus.Outbox(outbox.size(), outbox.bytes(), outbox.maxBytes()), node(),
                new DeviceStatus.Channel(channel.root(), channel.nextLeaf()), streams());
    }

    /** True while nobody has paired: only then is the pairing QR code shown. */
    public boolean unpaired() {
        return pairing.load().isEmpty();
    }

    private DeviceStatus.Pairing pairing() {
        Optional<Pairing> p = pairing.load();
        if (p.isEmpty()) return new DeviceStatus.Pairing(DeviceStatus.PairingState.UNPAIRED, null);
        return new DeviceStatus.Pairing(p.get().confirmed() ? DeviceStatus.PairingState.PAIRED : DeviceStatus.PairingState.PENDING,
                p.get().home().withChecksum());
    }

    private List<DeviceStatus.Provider> providers() {
        return providers.all().stream()
                .map(p -> new DeviceStatus.Provider(p.iotaAddress().withChecksum(), p.url().toString())).toList();
    }

    private DeviceStatus.Serial serial() {
        SerialStats.Snapshot s = serial.stats();
        return new DeviceStatus.Serial(serial.portPath(), s.connected(), s.connected() ? null : s.problem());
    }

    private DeviceStatus.Counters counters() {
        Map<String, Long> rejected = new LinkedHashMap<>();
        for (Rejected.Reason r : Rejected.Reason.values()) rejected.put(r.name().toLowerCase(), readings.rejected(r));
        TelegramReadings.LastRejected l = readings.lastRejected();
        DeviceStatus.LastRejected last = l == null ? null
                : new DeviceStatus.LastRejected(l.kind(), l.detail(), l.offset(), l.at(), l.telegram());
        return new DeviceStatus.Counters(readings.readings(), rejected, last, counters.publishedEvents(),
                counters.droppedReadings() + publisher.droppedReadings());
    }

    private DeviceStatus.Node node() {
        NodeStatus.Snapshot n = node.snapshot();
        return new DeviceStatus.Node(config.iotaProvider(), n.reachable(), n.problem(),
                n.lastAttach() == null ? null : n.lastAttach().toMillis(), n.lastAnswer());
    }

    private List<DeviceStatus.Stream> streams() {
        List<DeviceStatus.Stream> out = new ArrayList<>();
        health.all().values().stream().sorted((a, b) -> a.stream().compareTo(b.stream())).forEach(s -> out.add(
                new DeviceStatus.Stream(s.stream().label(), s.failing(), s.problem(), s.failingSince(), s.failures(), s.lastOk())));
        return out;
    }
}
