-- Grants (inbox/GrantStore), one row per device channel root. Times are ms since the epoch.
-- The side keys read the households' channels: this database is as secret as the seed.
-- Runs on H2 and PostgreSQL alike.
create table device_grant (
    device_root      varchar(81) not null primary key,
    device_side_key  varchar(81) not null,
    consent_root     varchar(81) not null,
    consent_side_key varchar(81) not null,
    status           varchar(16) not null,
    received_at      bigint      not null,
    confirmed_at     bigint,
    revoked_at       bigint
);
-- the inbox bounds pending grants, start-up follows active ones
create index device_grant_by_status on device_grant (status, received_at);
