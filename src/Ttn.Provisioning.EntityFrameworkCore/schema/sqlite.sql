-- The tenant table of Ttn.Provisioning.EntityFrameworkCore (SQLite).
-- Generated from the EF Core model (TtnProvisioningDbContext); a test checks it matches.
-- Regenerate: TTN_PROVISIONING_UPDATE_SCHEMA=1 dotnet test tests/Ttn.Provisioning.EntityFrameworkCore.Tests
-- Instants are UTC ticks (100 ns since 0001-01-01T00:00:00Z) in *_ticks columns; states, steps and
-- checkpoints are text; version is the compare-and-swap token (each write stores version + 1).
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


CREATE TABLE "ttn_tenants" (
    "tenant_id" TEXT NOT NULL CONSTRAINT "pk_ttn_tenants" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "current_step" TEXT NULL,
    "checkpoints" TEXT NOT NULL,
    "pending_steps" TEXT NULL,
    "attempt_count" INTEGER NOT NULL,
    "tts_user_id" TEXT NULL,
    "cluster" TEXT NULL,
    "organization_id" TEXT NULL,
    "organization_id_rotations" INTEGER NOT NULL,
    "application_id" TEXT NULL,
    "is_existing_application" INTEGER NOT NULL,
    "webhook_id" TEXT NULL,
    "webhook_url" TEXT NULL,
    "organization_api_key_sealed" TEXT NULL,
    "organization_api_key_last_four" TEXT NULL,
    "organization_api_key_id" TEXT NULL,
    "application_api_key_sealed" TEXT NULL,
    "application_api_key_last_four" TEXT NULL,
    "application_api_key_id" TEXT NULL,
    "gateway_api_key_sealed" TEXT NULL,
    "gateway_api_key_last_four" TEXT NULL,
    "gateway_api_key_id" TEXT NULL,
    "webhook_secret_sealed" TEXT NULL,
    "webhook_secret_last_four" TEXT NULL,
    "pending_webhook_secret_sealed" TEXT NULL,
    "previous_webhook_secret_sealed" TEXT NULL,
    "previous_webhook_secret_valid_until_ticks" INTEGER NULL,
    "credentials_updated_at_ticks" INTEGER NULL,
    "last_error_step" TEXT NULL,
    "last_error_message" TEXT NULL,
    "last_error_is_transient" INTEGER NULL,
    "last_error_http_status" INTEGER NULL,
    "last_error_namespace" TEXT NULL,
    "last_error_name" TEXT NULL,
    "last_error_correlation_id" TEXT NULL,
    "last_error_occurred_at_ticks" INTEGER NULL,
    "requires_start_fresh" INTEGER NOT NULL,
    "settings_enabled" INTEGER NULL,
    "settings_webhook_messages" TEXT NULL,
    "settings_pending" INTEGER NULL,
    "last_connection_test_at_ticks" INTEGER NULL,
    "last_connection_test_passed" INTEGER NULL,
    "last_connection_test" TEXT NULL,
    "lease_holder" TEXT NULL,
    "lease_heartbeat_at_ticks" INTEGER NULL,
    "lease_expires_at_ticks" INTEGER NULL,
    "created_at_ticks" INTEGER NOT NULL,
    "updated_at_ticks" INTEGER NOT NULL,
    "started_at_ticks" INTEGER NULL,
    "completed_at_ticks" INTEGER NULL
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


CREATE INDEX "ix_ttn_tenant_history_tenant_id_id" ON "ttn_tenant_history" ("tenant_id", "id");
