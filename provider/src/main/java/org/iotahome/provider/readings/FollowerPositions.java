package org.iotahome.provider.readings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Optional;
import org.iotahome.protocol.mam.FollowerPosition;
import org.iotahome.protocol.mam.FollowerPositionStore;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.database.UniqueViolation;

/**
 * The positions of each grant's two followers in the database (V2__follower_positions.sql): its
 * device channel's and its consent channel's. A position is saved, in its own transaction, only
 * once the message before it is handled, so a restart repeats at most that message.
 */
public final class FollowerPositions {

    /** Which of a grant's channels a follower reads. */
    public enum Channel {
        DEVICE, CONSENT
    }

    /** The position store of one follower: the grant's {@code channel}, keyed by its device channel root. */
    public FollowerPositionStore of(String deviceRoot, Channel channel) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        FollowerPositionRow.Key key = new FollowerPositionRow.Key(deviceRoot, channel.name());
        return new FollowerPositionStore() {
            @Override
            public Optional<FollowerPosition> load() {
                return QuarkusTransaction.joiningExisting().call(() -> FollowerPositionRow.<FollowerPositionRow>findByIdOptional(key)
                        .map(r -> new FollowerPosition(r.nextRoot, new SideKey(r.sideKey))));
            }

            @Override
            public void save(FollowerPosition position) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> upsert(key, position));
                } catch (RuntimeException e) {
                    // first save raced by another replica following the same grant: the row is there now
                    if (!UniqueViolation.causes(e)) throw e;
                    QuarkusTransaction.requiringNew().run(() -> upsert(key, position));
                }
            }
        };
    }

    private static void upsert(FollowerPositionRow.Key key, FollowerPosition position) {
        FollowerPositionRow row = FollowerPositionRow.findById(key);
        boolean fresh = row == null;
        if (fresh) {
            row = new FollowerPositionRow();
            row.key = key;
        }
        row.nextRoot = position.root();
        row.sideKey = position.sideKey().trytes();
        if (fresh) row.persistAndFlush();
    }
}
