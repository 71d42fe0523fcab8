package org.iotahome.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins rate-limited per client address: after {@code maxFailures} failures within
 * {@code window}, further attempts are refused until the oldest failure leaves the window. The
 * table is bounded (the least recently failing address is forgotten first). Thread-safe.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    public LoginThrottle(int maxFailures, Duration window, int capacity, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    public synchronized boolean allowed(String client) {
        Deque<Instant> d = failures.get(client);
        if (d == null) return true;
        prune(d, clock.instant());
        return d.size() < maxFailures;
    }

    public synchronized void failed(String client) {
        Instant now = clock.instant();
        Deque<Instant> d = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        prune(d, now);
        d.addLast(now);
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized void succeeded(String client) {
        failures.remove(client);
    }

    private void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(window))) d.removeFirst();
    }
}
