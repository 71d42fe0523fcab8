package org.iotahome.home.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** How far one of a household's channels has been read (V2__projection.sql). */
@Entity
@Table(name = "channel_cursor")
public class ChannelCursorRow extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_id")
        public long accountId;

        @Column(length = 81)
        public String channel;

        public Key() {
        }

        public Key(long accountId, String channel) {
            this.accountId = accountId;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && Objects.equals(k.channel, channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, channel);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "next_root", nullable = false, length = 81)
    public String nextRoot;

    /** The side key the next root is read under: it reads the household's consent history, so it stays in this store. */
    @Column(name = "side_key", nullable = false, length = 81)
    public String sideKey;

    @Column(nullable = false)
    public long messages;
}
