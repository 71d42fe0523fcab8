-- When a grant's consent ends by itself (its AUTHORIZED's expires= condition, docs/consent-expiry.md),
-- ms since the epoch; null for consent without an end date. An EXPIRED grant's revoked_at is that time.
-- Runs on H2 and PostgreSQL alike.
alter table device_grant add column expires_at bigint;
