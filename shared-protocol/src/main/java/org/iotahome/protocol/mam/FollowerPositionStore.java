package org.iotahome.protocol.mam;

import java.util.Optional;

/** Where a {@link ChannelFollower} keeps its position so a restart neither skips nor repeats a message. */
public interface FollowerPositionStore {

    /** The saved position, or empty on first start. */
    Optional<FollowerPosition> load();

    /** Saves durably before returning. */
    void save(FollowerPosition position);

    /** A store that keeps nothing: the follower starts from the position it is given each time. */
    static FollowerPositionStore none() {
        return new FollowerPositionStore() {
            @Override
            public Optional<FollowerPosition> load() {
                return Optional.empty();
            }

            @Override
            public void save(FollowerPosition position) {
            }
        };
    }
}
