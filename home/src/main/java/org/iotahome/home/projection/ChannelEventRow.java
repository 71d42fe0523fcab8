package org.iotahome.home.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One event read from one of a household's channels, kept for the projection (V2__projection.sql). */
@Entity
@Table(name = "channel_event")
public class ChannelEventRow extends PanacheEntity {

    @Column(name = "account_id", nullable = false)
    public long accountId;

    /** The channel's first root. */
    @Column(nullable = false, length = 81)
    public String channel;

    /** The event's place among the channel's events kept, from 0. */
    @Column(nullable = false)
    public long position;

    @Column(nullable = false, columnDefinition = "text")
    public String json;
}
