package org.iotahome.device.health;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How each {@link DeviceStream} is doing: working, or failing since when and why. Streams report
 * here and retry by themselves; health checks, metrics and the status page only read. A problem is
 * an exception's type and message, which never carry a secret (seed, side key, pairing secret).
 */
public final class StreamHealth {

    /** What is known of one stream. {@code problem} and {@code failingSince} are null while it works. */
    public record Status(DeviceStream stream, String problem, Instant failingSince, long failures, Instant lastOk) {
        public boolean failing() {
            return problem != null;
        }
    }

    /** Longest problem text kept: enough to say why, never a whole response body. */
    static final int PROBLEM_CHARS = 300;

    private final Clock clock;
    private final Map<DeviceStream, Status> statuses = new EnumMap<>(DeviceStream.class);

    public StreamHealth(Clock clock) {
        this.clock = clock;
        for (DeviceStream s : DeviceStream.values()) statuses.put(s, new Status(s, null, null, 0, null));
    }

    /** The stream did its work (an item, or a poll that found nothing): no longer failing. */
    public synchronized void ok(DeviceStream stream) {
        Status s = statuses.get(stream);
        statuses.put(stream, new Status(stream, null, null, s.failures(), clock.instant()));
    }

    /** The stream failed and will retry; the first failure of a run sets when it began. */
    public synchronized void failed(DeviceStream stream, Throwable e) {
        failed(stream, describe(e));
    }

    public synchronized void failed(DeviceStream stream, String problem) {
        Status s = statuses.get(stream);
        Instant since = s.failing() ? s.failingSince() : clock.instant();
        statuses.put(stream, new Status(stream, abbreviate(problem), since, s.failures() + 1, s.lastOk()));
    }

    public synchronized Status status(DeviceStream stream) {
        return statuses.get(stream);
    }

    public synchronized Map<DeviceStream, Status> all() {
        return Map.copyOf(statuses);
    }

    /**
     * {@code items}, reported and made to last: each item marks the stream working, a failure marks
     * it failing and resubscribes after a backoff (doubling from {@code min} to {@code max}), for ever.
     */
    public <T> Multi<T> lasting(DeviceStream stream, Multi<T> items, Duration min, Duration max) {
        return items.onItem().invoke(() -> ok(stream))
                .onFailure().invoke(e -> failed(stream, e))
                .onFailure().retry().withBackOff(min, max).indefinitely();
    }

    /** One round of a polling stream, reported: its completion (item or null) marks the stream working. */
    public <T> Uni<T> reported(DeviceStream stream, Uni<T> round) {
        return round.onItem().invoke(() -> ok(stream)).onFailure().invoke(e -> failed(stream, e));
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String abbreviate(String s) {
        return s.length() <= PROBLEM_CHARS ? s : s.substring(0, PROBLEM_CHARS) + "…";
    }
}
