-- Payment notifications become order-aware and replay-proof: the agreement remembers the platform's
-- time of the last event it applied, and every notification seen is kept once by its event id
-- (the unique key makes a replay, even a concurrent one, find the first), with what was done with it.
ALTER TABLE payment_agreement ADD COLUMN last_event_time DATETIME(3) NULL;

CREATE TABLE payment_notification (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    event_id        VARCHAR(64)  NOT NULL,
    agreement_id    BIGINT       NOT NULL,
    event           VARCHAR(32)  NOT NULL,
    event_time      DATETIME(3)  NOT NULL,
    received_at     DATETIME(3)  NOT NULL,
    outcome         VARCHAR(24)  NOT NULL,
    status_before   VARCHAR(16)  NOT NULL,
    status_after    VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_payment_notification PRIMARY KEY (id),
    CONSTRAINT uq_payment_notification_event UNIQUE (event_id),
    CONSTRAINT fk_payment_notification_agreement FOREIGN KEY (agreement_id) REFERENCES payment_agreement (id),
    INDEX ix_payment_notification_agreement (agreement_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
