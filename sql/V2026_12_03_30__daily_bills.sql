-- The platform's success time of a payment (支付成功时间). It decides which day's bill the payment is on: a
-- 22:00 ride whose deduction succeeded at 00:10 is on the next day's bill. It comes from the success
-- notification's event time or the order query's successTime; payments recorded before this column existed
-- take the time the system learned of them, the nearest it knew.
ALTER TABLE charge ADD COLUMN paid_at DATETIME(3) NULL, ADD INDEX ix_charge_paid (paid_at);
ALTER TABLE charge_repayment ADD COLUMN paid_at DATETIME(3) NULL, ADD INDEX ix_charge_repayment_paid (paid_at);
UPDATE charge SET paid_at = settled_at WHERE state = 'PAID';
UPDATE charge_repayment SET paid_at = settled_at WHERE state = 'SUCCEEDED';

-- A day's reconciliation (对账), three ways: the payments we recorded as succeeded that day, the platform's
-- bill of the day, and the subsidy claim (which of the matched rides the subsidy rule counts). One row per
-- bill date, replaced whole each time the day is reconciled again; status says whether a bill was matched
-- (BALANCED, DIFFERENCES) or why not (NOT_READY, UNREACHABLE, REFUSED, with the problem).
CREATE TABLE reconciliation_day (
    bill_date           DATE          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    problem             VARCHAR(300)  NULL,
    bill_digest         CHAR(64)      NULL,
    attempts            INT           NOT NULL,
    paid_lines          INT           NOT NULL,
    paid_fen            BIGINT        NOT NULL,
    bill_lines          INT           NOT NULL,
    bill_fen            BIGINT        NOT NULL,
    matched_lines       INT           NOT NULL,
    matched_fen         BIGINT        NOT NULL,
    claim_rides         INT           NOT NULL,
    claim_discount_fen  BIGINT        NOT NULL,
    differences         INT           NOT NULL,
    reconciled_at       DATETIME(3)   NOT NULL,
    CONSTRAINT pk_reconciliation_day PRIMARY KEY (bill_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every difference found on a day: what kind, which order or repayment, the two amounts, whether the ride
-- is in the subsidy claim, and what we know of a number the day's payments lack.
CREATE TABLE reconciliation_difference (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    bill_date      DATE          NOT NULL,
    kind           VARCHAR(24)   NOT NULL,
    payment_kind   VARCHAR(16)   NOT NULL,
    number         VARCHAR(64)   NOT NULL,
    paid_fen       BIGINT        NULL,
    bill_fen       BIGINT        NULL,
    bill_line      INT           NULL,
    trip_ids       VARCHAR(400)  NULL,
    in_claim       BOOLEAN       NOT NULL,
    ours           VARCHAR(80)   NULL,
    CONSTRAINT pk_reconciliation_difference PRIMARY KEY (id),
    CONSTRAINT fk_reconciliation_difference_day FOREIGN KEY (bill_date) REFERENCES reconciliation_day (bill_date),
    INDEX ix_reconciliation_difference_day (bill_date, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
