-- Households' accounts (home/accounts/Account). Runs on H2 and PostgreSQL alike.
create sequence account_seq start with 1 increment by 50;

create table account (
    id            bigint       not null primary key,
    username      varchar(64)  not null unique,
    password      varchar(100) not null,
    role          varchar(32)  not null,
    seed          varchar(81)  not null,
    household_key varchar(81)  not null,
    created_at    timestamp    not null
);
