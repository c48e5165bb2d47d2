-- Upgrade 0001 (SQLite): the cluster a tenant lives on. Rows written before it read as the default cluster (NULL).
-- Apply once, in order, to a ttn_tenants table created by an earlier schema/sqlite.sql; a test applies every
-- upgrade to the first released table and checks the result equals schema/sqlite.sql.
ALTER TABLE "ttn_tenants" ADD COLUMN "cluster" TEXT NULL;
