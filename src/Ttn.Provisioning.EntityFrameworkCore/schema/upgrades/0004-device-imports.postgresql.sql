-- Upgrade 0004 (PostgreSQL): the device store's tables (EfCoreDeviceStore): devices whose registration or removal has
-- not finished, and device import jobs with their rows' results. Nothing in them is a secret.
-- Apply once, in order, after the earlier upgrades; a test applies every upgrade to the first released schema and
-- checks the result equals schema/postgresql.sql.
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
