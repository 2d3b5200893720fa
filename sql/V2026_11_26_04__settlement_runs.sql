-- One row per settlement year: the annual run is idempotent because the year is the key.
CREATE TABLE settlement_run (
    settlement_year  INT          NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    trigger_source   VARCHAR(16)  NOT NULL,
    started_at       DATETIME(3)  NOT NULL,
    CONSTRAINT pk_settlement_run PRIMARY KEY (settlement_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
