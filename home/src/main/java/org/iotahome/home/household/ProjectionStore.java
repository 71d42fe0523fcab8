package org.iotahome.home.household;

import java.util.List;
import java.util.Optional;

/**
 * Where a household's projection keeps what it has read of each channel (ARCHITECTURE.md: My Home
 * caches its folded events): the events in channel order and the position after the last one, so
 * a page view reads only what is new. Losing it loses nothing: the projection reads the Tangle again.
 */
public interface ProjectionStore {

    /** How far a channel has been read: the next root to read, the key it is under, messages read so far. */
    record Cursor(String nextRoot, String sideKey, long messages) {}

    Optional<Cursor> cursor(String channel);

    /** The events read so far on {@code channel} (its first root), as their JSON, in channel order. */
    List<String> events(String channel);

    /** Appends {@code events} and moves the cursor, in one step. */
    void append(String channel, List<String> events, Cursor cursor);
}
