package org.iotahome.device.serial;

import org.iotahome.protocol.p1.Rejected;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What a {@link SerialSource} has read so far; updated by its reader, read by anyone. */
public final class SerialStats {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong telegrams = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(Rejected.Reason.values().length);
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean connected;
    private volatile String problem;

    /** A consistent-enough view for logs, health checks and tests. */
    /** {@code problem}: why the port is not open (null while it is, or before the first attempt). */
    public record Snapshot(long bytes, long telegrams, Map<Rejected.Reason, Long> rejectedByReason, long connects,
                           boolean connected, String problem) {
        public Snapshot {
            rejectedByReason = Map.copyOf(rejectedByReason);
        }

        public long rejected() {
            return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        public long rejected(Rejected.Reason reason) {
            return rejectedByReason.getOrDefault(reason, 0L);
        }
    }

    void bytes(int n) {
        bytes.addAndGet(n);
    }

    void telegram() {
        telegrams.incrementAndGet();
    }

    void rejected(Rejected.Reason reason) {
        rejected.incrementAndGet(reason.ordinal());
    }

    void connected(boolean now) {
        if (now) {
            connects.incrementAndGet();
            problem = null;
        }
        connected = now;
    }

    void problem(String why) {
        problem = why;
    }

    public Snapshot snapshot() {
        Map<Rejected.Reason, Long> byReason = new EnumMap<>(Rejected.Reason.class);
        for (Rejected.Reason r : Rejected.Reason.values()) byReason.put(r, rejected.get(r.ordinal()));
        return new Snapshot(bytes.get(), telegrams.get(), byReason, connects.get(), connected, problem);
    }
}
