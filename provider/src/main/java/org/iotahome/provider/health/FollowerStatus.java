package org.iotahome.provider.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each followed channel is doing, for health and metrics: when it last read from the node,
 * and the failure it is retrying, if any. One entry per followed channel (bounded by how many are
 * followed at once); a channel no longer followed is forgotten.
 */
public final class FollowerStatus {

    /** A channel's state: the last good read (epoch ms) and the failure it retries ({@code null} when none). */
    public record State(String channel, long lastReadMillis, String failure, long failingSinceMillis) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Counter failures;

    public FollowerStatus(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.failures = Counter.builder("provider.follower.failures").description("reads or handlers that failed and were retried")
                .register(metrics);
        metrics.gauge("provider.followers", states, Map::size);
        metrics.gauge("provider.followers.failing", states, s -> s.values().stream().filter(st -> st.failure() != null).count());
    }

    /** The channel read from the node: any earlier failure is over. */
    public void read(String channel) {
        states.put(channel, new State(channel, clock.millis(), null, 0));
    }

    public void failed(String channel, String why) {
        failures.increment();
        long now = clock.millis();
        states.compute(channel, (c, old) -> new State(c, old == null ? 0 : old.lastReadMillis(), why,
                old != null && old.failure() != null ? old.failingSinceMillis() : now));
    }

    public void stopped(String channel) {
        states.remove(channel);
    }

    public int followed() {
        return states.size();
    }

    /** The channels failing now, and those with no good read for longer than {@code behind}, at most {@code limit} of each. */
    public List<State> failing(int limit) {
        return states.values().stream().filter(s -> s.failure() != null).limit(limit).toList();
    }

    public List<State> behind(Duration behind, int limit) {
        long cutoff = clock.millis() - behind.toMillis();
        List<State> out = new ArrayList<>();
        for (State s : states.values()) {
            if (out.size() >= limit) break;
            if (s.failure() == null && s.lastReadMillis() < cutoff) out.add(s);
        }
        return out;
    }
}
