-- Readings (readings/ReadingStore): one row per reading of a DATA event, stored once by its place
-- in the channel (device channel, the event's MAM root, its index in the event): a repeated event,
-- after a crash or from a second replica, collides on reading_once and stores nothing.
-- The figures the dashboard draws are columns; the reading itself (p1-reading.schema.json) is kept whole.
create sequence reading_seq start with 1 increment by 50;

create table reading (
    id               bigint           not null primary key,
    device_root      varchar(81)      not null,
    message_root     varchar(81)      not null,
    reading_index    integer          not null,
    meter_millis     bigint           not null,
    import_kw        double precision,
    export_kw        double precision,
    import_kwh       double precision,
    export_kwh       double precision,
    phase1_import_kw double precision,
    phase2_import_kw double precision,
    phase3_import_kw double precision,
    gas_m3           double precision,
    json             text             not null,
    constraint reading_once unique (device_root, message_root, reading_index)
);
-- every dashboard query is a range of one household's meter times; id breaks ties between readings
-- that share a time (a DATA event's readings without meterTime), so the order comes from the index too
create index reading_by_time on reading (device_root, meter_millis, id);

-- Per device channel, kept in the same transaction as the readings: how many there are and the newest
-- meter time, so listing households never counts a whole history.
create table reading_tally (
    device_root       varchar(81) not null primary key,
    readings          bigint      not null,
    last_meter_millis bigint      not null
);
