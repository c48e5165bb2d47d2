-- The tenant table of Ttn.Provisioning.EntityFrameworkCore (PostgreSQL).
-- Generated from the EF Core model (TtnProvisioningDbContext); a test checks it matches.
-- Regenerate: TTN_PROVISIONING_UPDATE_SCHEMA=1 dotnet test tests/Ttn.Provisioning.EntityFrameworkCore.Tests
-- Instants are UTC ticks (100 ns since 0001-01-01T00:00:00Z) in *_ticks columns; states, steps and
-- checkpoints are text; version is the compare-and-swap token (each write stores version + 1).
CREATE TABLE ttn_device_import_jobs (
    tenant_id character varying(256) COLLATE "C" NOT NULL,
    job_id character varying(64) NOT NULL,
    version bigint NOT NULL,
    fingerprint character varying(64) NOT NULL,
    total_rows integer NOT NULL,
    state character varying(32) NOT NULL,
    lease_holder character varying(64),
    lease_expires_at_ticks bigint,
    created_at_ticks bigint NOT NULL,
    updated_at_ticks bigint NOT NULL,
    completed_at_ticks bigint,
    CONSTRAINT pk_ttn_device_import_jobs PRIMARY KEY (tenant_id, job_id)
);


CREATE TABLE ttn_device_import_rows (
    tenant_id character varying(256) COLLATE "C" NOT NULL,
    job_id character varying(64) NOT NULL,
    row integer NOT NULL,
    device_id character varying(36) NOT NULL,
    outcome character varying(32) NOT NULL,
    reason text,
    CONSTRAINT pk_ttn_device_import_rows PRIMARY KEY (tenant_id, job_id, row)
);


CREATE TABLE ttn_tenants (
    tenant_id character varying(256) COLLATE "C" NOT NULL,
    version bigint NOT NULL,
    state character varying(64) NOT NULL,
    current_step character varying(64),
    checkpoints character varying(512) NOT NULL,
    pending_steps character varying(512),
    attempt_count integer NOT NULL,
    tts_user_id text,
    cluster text,
    organization_id text,
    organization_id_rotations integer NOT NULL,
    application_id text,
    is_existing_application boolean NOT NULL,
    webhook_id text,
    webhook_url text,
    organization_api_key_sealed text,
    organization_api_key_last_four text,
    organization_api_key_id text,
    application_api_key_sealed text,
    application_api_key_last_four text,
    application_api_key_id text,
    gateway_api_key_sealed text,
    gateway_api_key_last_four text,
    gateway_api_key_id text,
    webhook_secret_sealed text,
    webhook_secret_last_four text,
    pending_webhook_secret_sealed text,
    previous_webhook_secret_sealed text,
    previous_webhook_secret_valid_until_ticks bigint,
    credentials_updated_at_ticks bigint,
    last_error_step character varying(64),
    last_error_message text,
    last_error_is_transient boolean,
    last_error_http_status integer,
    last_error_namespace text,
    last_error_name text,
    last_error_correlation_id text,
    last_error_occurred_at_ticks bigint,
    requires_start_fresh boolean NOT NULL,
    lease_holder text,
    lease_heartbeat_at_ticks bigint,
    lease_expires_at_ticks bigint,
    created_at_ticks bigint NOT NULL,
    updated_at_ticks bigint NOT NULL,
    started_at_ticks bigint,
    completed_at_ticks bigint,
    CONSTRAINT pk_ttn_tenants PRIMARY KEY (tenant_id)
);


CREATE TABLE ttn_unfinished_devices (
    tenant_id character varying(256) COLLATE "C" NOT NULL,
    application_id character varying(36) NOT NULL,
    device_id character varying(36) NOT NULL,
    dev_eui character varying(16),
    join_eui character varying(16),
    work character varying(32) NOT NULL,
    holds character varying(128) NOT NULL,
    needs_cleanup boolean NOT NULL,
    reason text,
    started_at_ticks bigint NOT NULL,
    updated_at_ticks bigint NOT NULL,
    CONSTRAINT pk_ttn_unfinished_devices PRIMARY KEY (tenant_id, application_id, device_id)
);
