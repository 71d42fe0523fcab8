package org.iotahome.protocol.tangle;

import java.util.Optional;

/** Where an {@link AddressWatcher} keeps its cursor so a restart neither skips nor repeats a bundle. */
public interface CursorStore {

    /** The saved cursor, or empty on first start. */
    Optional<TangleCursor> load();

    /** Saves durably before returning. */
    void save(TangleCursor cursor);

    /** A store that keeps nothing: the watcher starts from the beginning each time. */
    static CursorStore none() {
        return new CursorStore() {
            @Override
            public Optional<TangleCursor> load() {
                return Optional.empty();
            }

            @Override
            public void save(TangleCursor cursor) {
            }
        };
    }
}
