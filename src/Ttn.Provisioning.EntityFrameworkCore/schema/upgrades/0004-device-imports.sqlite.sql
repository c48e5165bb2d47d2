-- Upgrade 0004 (SQLite): the device store's tables (EfCoreDeviceStore): devices whose registration or removal has
-- not finished, and device import jobs with their rows' results. Nothing in them is a secret.
-- Apply once, in order, after the earlier upgrades; a test applies every upgrade to the first released schema and
-- checks the result equals schema/sqlite.sql.
CREATE TABLE "ttn_device_import_jobs" (
    "tenant_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "total_rows" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "lease_holder" TEXT NULL,
    "lease_expires_at_ticks" INTEGER NULL,
    "created_at_ticks" INTEGER NOT NULL,
    "updated_at_ticks" INTEGER NOT NULL,
    "completed_at_ticks" INTEGER NULL,
    CONSTRAINT "pk_ttn_device_import_jobs" PRIMARY KEY ("tenant_id", "job_id")
);

CREATE TABLE "ttn_device_import_rows" (
    "tenant_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "device_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "pk_ttn_device_import_rows" PRIMARY KEY ("tenant_id", "job_id", "row")
);

CREATE TABLE "ttn_unfinished_devices" (
    "tenant_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "dev_eui" TEXT NULL,
    "join_eui" TEXT NULL,
    "work" TEXT NOT NULL,
    "holds" TEXT NOT NULL,
    "needs_cleanup" INTEGER NOT NULL,
    "reason" TEXT NULL,
    "started_at_ticks" INTEGER NOT NULL,
    "updated_at_ticks" INTEGER NOT NULL,
    CONSTRAINT "pk_ttn_unfinished_devices" PRIMARY KEY ("tenant_id", "application_id", "device_id")
);
