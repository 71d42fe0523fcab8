package org.iotahome.provider.readings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many readings a device channel gave and the newest meter time (V3__readings.sql), moved with each stored event. */
@Entity
@Table(name = "reading_tally")
public class ReadingTally extends PanacheEntityBase {

    @Id
    @Column(name = "device_root", length = 81)
    public String deviceRoot;

    @Column(nullable = false)
    public long readings;

    @Column(name = "last_meter_millis", nullable = false)
    public long lastMeterMillis;
}
