-- Upgrade 0002 (PostgreSQL): a tenant's settings (enabled, webhook messages, whether TTS has confirmed them) and its last
-- connection test (a JSON document, with its time and verdict in columns of their own). Rows written before it read as
-- enabled, with the default messages, nothing pending and no test (NULL).
-- Apply once, in order, to a ttn_tenants table created by an earlier schema/postgresql.sql; a test applies every
-- upgrade to the first released table and checks the result equals schema/postgresql.sql.
ALTER TABLE ttn_tenants ADD COLUMN settings_enabled boolean;
ALTER TABLE ttn_tenants ADD COLUMN settings_webhook_messages character varying(512);
ALTER TABLE ttn_tenants ADD COLUMN settings_pending boolean;
ALTER TABLE ttn_tenants ADD COLUMN last_connection_test_at_ticks bigint;
ALTER TABLE ttn_tenants ADD COLUMN last_connection_test_passed boolean;
ALTER TABLE ttn_tenants ADD COLUMN last_connection_test text;
