-- My Home's projection cache (household/HouseholdFold, projection/JpaProjectionStore): what was read
-- of each household's channels, so a page reads only what is new. Deleting these rows rebuilds them
-- from the Tangle. Runs on H2 and PostgreSQL alike.
create sequence channel_event_seq start with 1 increment by 50;

create table channel_event (
    id         bigint        not null primary key,
    account_id bigint        not null,
    channel    varchar(81)   not null,
    position   bigint        not null,
    json       text          not null
);
create index channel_event_by_channel on channel_event (account_id, channel, position);

create table channel_cursor (
    account_id bigint        not null,
    channel    varchar(81)   not null,
    next_root  varchar(81)   not null,
    side_key   varchar(81)   not null,
    messages   bigint        not null,
    primary key (account_id, channel)
);
