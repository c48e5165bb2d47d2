-- Upgrade 0002 (SQLite): a tenant's settings (enabled, webhook messages, whether TTS has confirmed them) and its last
-- connection test (a JSON document, with its time and verdict in columns of their own). Rows written before it read as
-- enabled, with the default messages, nothing pending and no test (NULL).
-- Apply once, in order, to a ttn_tenants table created by an earlier schema/sqlite.sql; a test applies every
-- upgrade to the first released table and checks the result equals schema/sqlite.sql.
ALTER TABLE "ttn_tenants" ADD COLUMN "settings_enabled" INTEGER NULL;
ALTER TABLE "ttn_tenants" ADD COLUMN "settings_webhook_messages" TEXT NULL;
ALTER TABLE "ttn_tenants" ADD COLUMN "settings_pending" INTEGER NULL;
ALTER TABLE "ttn_tenants" ADD COLUMN "last_connection_test_at_ticks" INTEGER NULL;
ALTER TABLE "ttn_tenants" ADD COLUMN "last_connection_test_passed" INTEGER NULL;
ALTER TABLE "ttn_tenants" ADD COLUMN "last_connection_test" TEXT NULL;
