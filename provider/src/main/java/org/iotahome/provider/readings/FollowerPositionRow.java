package org.iotahome.provider.readings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Where one of a grant's followers reads next (V2__follower_positions.sql). */
@Entity
@Table(name = "follower_position")
public class FollowerPositionRow extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "device_root", length = 81)
        public String deviceRoot;

        @Column(length = 16)
        public String channel;

        public Key() {
        }

        Key(String deviceRoot, String channel) {
            this.deviceRoot = deviceRoot;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.deviceRoot, deviceRoot) && Objects.equals(k.channel, channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceRoot, channel);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "next_root", nullable = false, length = 81)
    public String nextRoot;

    /** The side key the next root is read under: it reads the household's data, so it stays in this store. */
    @Column(name = "side_key", nullable = false, length = 81)
    public String sideKey;
}
