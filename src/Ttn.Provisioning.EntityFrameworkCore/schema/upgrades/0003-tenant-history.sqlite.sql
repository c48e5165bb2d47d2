-- Upgrade 0003 (SQLite): the tenants' history, beside the tenant table: one row per operation that changed, tested or
-- revealed a tenant, numbered by id in append order and kept to a bound per tenant by the store.
-- Apply once, in order, after the earlier upgrades; a test applies every upgrade to the first released table and
-- checks the result equals schema/sqlite.sql.
CREATE TABLE "ttn_tenant_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_ttn_tenant_history" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NOT NULL,
    "occurred_at_ticks" INTEGER NOT NULL,
    "operation" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "failed_step" TEXT NULL,
    "message" TEXT NULL,
    "error_name" TEXT NULL,
    "correlation_id" TEXT NULL,
    "tts_request_count" INTEGER NOT NULL,
    "duration_ticks" INTEGER NOT NULL
);

CREATE INDEX "ix_ttn_tenant_history_tenant_id_id" ON "ttn_tenant_history" ("tenant_id", "id");
