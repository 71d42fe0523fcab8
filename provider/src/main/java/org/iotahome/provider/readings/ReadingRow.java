package org.iotahome.provider.readings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One reading of a DATA event (V3__readings.sql): where in the channel it came, its figures and its JSON. */
@Entity
@Table(name = "reading")
public class ReadingRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reading_seq")
    @SequenceGenerator(name = "reading_seq", sequenceName = "reading_seq", allocationSize = 50)
    public Long id;

    @Column(name = "device_root", nullable = false, length = 81)
    public String deviceRoot;

    /** The MAM root the DATA event was read at. */
    @Column(name = "message_root", nullable = false, length = 81)
    public String messageRoot;

    /** The reading's place in the event's {@code readings}, from 0. */
    @Column(name = "reading_index", nullable = false)
    public int readingIndex;

    @Column(name = "meter_millis", nullable = false)
    public long meterMillis;

    @Column(name = "import_kw")
    public Double importKw;

    @Column(name = "export_kw")
    public Double exportKw;

    @Column(name = "import_kwh")
    public Double importKwh;

    @Column(name = "export_kwh")
    public Double exportKwh;

    @Column(name = "phase1_import_kw")
    public Double phase1ImportKw;

    @Column(name = "phase2_import_kw")
    public Double phase2ImportKw;

    @Column(name = "phase3_import_kw")
    public Double phase3ImportKw;

    @Column(name = "gas_m3")
    public Double gasM3;

    @Column(nullable = false, columnDefinition = "text")
    public String json;

    static ReadingRow of(String deviceRoot, String messageRoot, int readingIndex, ReadingFigures f, String json) {
        ReadingRow row = new ReadingRow();
        row.deviceRoot = deviceRoot;
        row.messageRoot = messageRoot;
        row.readingIndex = readingIndex;
        row.meterMillis = f.meterMillis();
        row.importKw = f.importKw();
        row.exportKw = f.exportKw();
        row.importKwh = f.importKwh();
        row.exportKwh = f.exportKwh();
        row.phase1ImportKw = f.phase1ImportKw();
        row.phase2ImportKw = f.phase2ImportKw();
        row.phase3ImportKw = f.phase3ImportKw();
        row.gasM3 = f.gasM3();
        row.json = json;
        return row;
    }
}
