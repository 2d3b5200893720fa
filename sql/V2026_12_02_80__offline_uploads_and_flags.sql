-- Offline uploads: each batch a validator sends is a row, and the trips it stored carry its id, so the
-- answer can tell a record stored now from one stored by an earlier (or a concurrent) upload.
CREATE TABLE trip_upload (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    validator_id  BIGINT      NOT NULL,
    received_at   DATETIME(3) NOT NULL,
    records       INT         NOT NULL,
    stored        INT         NOT NULL DEFAULT 0,
    duplicates    INT         NOT NULL DEFAULT 0,
    conflicts     INT         NOT NULL DEFAULT 0,
    invalid       INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_trip_upload PRIMARY KEY (id),
    CONSTRAINT fk_trip_upload_validator FOREIGN KEY (validator_id) REFERENCES validator (id),
    INDEX ix_trip_upload_validator (validator_id, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE trip_record
    ADD COLUMN upload_id BIGINT NULL,
    ADD INDEX ix_trip_record_account_code (payment_account_no, generation_time);

-- Evidence for staff (R15): what looked wrong, about which trips, and the facts that made it look so.
-- A flag is raised once per kind and trip; a reviewer's decision comes with the fraud-case pages.
CREATE TABLE trip_flag (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    kind           VARCHAR(32)  NOT NULL,
    trip_id        BIGINT       NULL,
    other_trip_id  BIGINT       NULL,
    validator_id   BIGINT       NULL,
    company_id     BIGINT       NULL,
    raised_at      DATETIME(3)  NOT NULL,
    evidence       VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_trip_flag PRIMARY KEY (id),
    CONSTRAINT uq_trip_flag_kind_trip UNIQUE (kind, trip_id, other_trip_id),
    INDEX ix_trip_flag_raised (raised_at),
    INDEX ix_trip_flag_trip (trip_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How far the fraud watch has looked: one row, locked by the instance that sweeps, so two instances
-- never sweep the same trips.
CREATE TABLE trip_flag_watermark (
    id            TINYINT NOT NULL,
    last_trip_id  BIGINT  NOT NULL,
    CONSTRAINT pk_trip_flag_watermark PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO trip_flag_watermark (id, last_trip_id) VALUES (1, 0);
