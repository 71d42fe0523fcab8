package org.iotahome.protocol.mam;

import java.io.IOException;
import java.util.Optional;

/** Durable storage of one channel's checkpoint: {@link #save} returns only once it survives a crash. */
public interface ChannelStateStore {

    /** The last saved checkpoint, or empty when none was ever saved. */
    Optional<ChannelCheckpoint> load() throws IOException;

    /** Replaces the checkpoint atomically and durably: after a crash, load sees this one or the previous. */
    void save(ChannelCheckpoint checkpoint) throws IOException;
}
