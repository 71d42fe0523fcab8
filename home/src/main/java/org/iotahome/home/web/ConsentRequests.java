package org.iotahome.home.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Consent requests kept server-side under a short random id: a {@code /new-policy} URL carries a
 * 5,500-tryte key, past a browser's 4 KiB cookie, so the page asked for before login must be a
 * short one. Kept {@link #TTL}, at most {@link #CAPACITY} (the oldest forgotten): anyone can make
 * one. A request is used once: granting or denying takes it out, so a second submit does nothing.
 */
@ApplicationScoped
public class ConsentRequests {

    static final Duration TTL = Duration.ofMinutes(30);
    static final int CAPACITY = 10_000;

    private record Kept(ConsentRequest.Valid request, Instant until) {}

    private final SecureRandom random = new SecureRandom();
    @Inject
    Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>();

    public synchronized String keep(ConsentRequest.Valid request) {
        Instant now = clock.instant();
        kept.values().removeIf(k -> k.until().isBefore(now));
        Iterator<String> oldest = kept.keySet().iterator();
        while (kept.size() >= CAPACITY && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        byte[] id = new byte[12];
        random.nextBytes(id);
        String key = HexFormat.of().formatHex(id);
        kept.put(key, new Kept(request, now.plus(TTL)));
        return key;
    }

    public synchronized Optional<ConsentRequest.Valid> get(String id) {
        Kept k = kept.get(id);
        return k == null || k.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(k.request());
    }

    /** The request, taken out: only the first grant or deny acts on it. */
    public synchronized Optional<ConsentRequest.Valid> take(String id) {
        Optional<ConsentRequest.Valid> r = get(id);
        kept.remove(id);
        return r;
    }
}
