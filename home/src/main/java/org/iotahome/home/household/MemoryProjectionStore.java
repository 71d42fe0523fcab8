package org.iotahome.home.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A projection store in memory: for tests, and for a fold from the Tangle alone. */
public final class MemoryProjectionStore implements ProjectionStore {

    private final Map<String, Cursor> cursors = new HashMap<>();
    private final Map<String, List<String>> events = new HashMap<>();

    @Override
    public synchronized Optional<Cursor> cursor(String channel) {
        return Optional.ofNullable(cursors.get(channel));
    }

    @Override
    public synchronized List<String> events(String channel) {
        return List.copyOf(events.getOrDefault(channel, List.of()));
    }

    @Override
    public synchronized void append(String channel, List<String> added, Cursor cursor) {
        events.computeIfAbsent(channel, c -> new ArrayList<>()).addAll(added);
        cursors.put(channel, cursor);
    }
}
