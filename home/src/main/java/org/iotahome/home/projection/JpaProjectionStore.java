package org.iotahome.home.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Optional;
import org.iotahome.home.household.ProjectionStore;

/** One household's projection in the database (V2__projection.sql); each append is one transaction. */
public final class JpaProjectionStore implements ProjectionStore {

    private final long accountId;

    public JpaProjectionStore(long accountId) {
        this.accountId = accountId;
    }

    @Override
    public Optional<Cursor> cursor(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(
                        ChannelCursorRow.<ChannelCursorRow>findById(new ChannelCursorRow.Key(accountId, channel)))
                .map(c -> new Cursor(c.nextRoot, c.sideKey, c.messages)));
    }

    @Override
    public List<String> events(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> ChannelEventRow.<ChannelEventRow>find("accountId = ?1 and channel = ?2",
                Sort.by("position"), accountId, channel).list().stream().map(e -> e.json).toList());
    }

    @Override
    public void append(String channel, List<String> events, Cursor cursor) {
        QuarkusTransaction.requiringNew().run(() -> {
            long next = ChannelEventRow.count("accountId = ?1 and channel = ?2", accountId, channel);
            for (String json : events) {
                ChannelEventRow row = new ChannelEventRow();
                row.accountId = accountId;
                row.channel = channel;
                row.position = next++;
                row.json = json;
                row.persist();
            }
            ChannelCursorRow c = ChannelCursorRow.findById(new ChannelCursorRow.Key(accountId, channel));
            if (c == null) {
                c = new ChannelCursorRow();
                c.key = new ChannelCursorRow.Key(accountId, channel);
            }
            c.nextRoot = cursor.nextRoot();
            c.sideKey = cursor.sideKey();
            c.messages = cursor.messages();
            c.persist();
        });
    }
}
