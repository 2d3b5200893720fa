-- Charging (R9): one row per trip that owes its charged fare, written in the trip's own transaction
-- (so the debt is as durable as the ride) and collected later, outside the scan, by one deduction
-- order per trip through the citizen's password-free agreement. The unique trip id makes owing
-- idempotent; the unique order number is what the platform dedupes a re-sent order by.
-- due_at is when a worker should next look at the row (send the order, or ask the platform about
-- it); it is NULL once the deduction has reached a final state, and a claim pushes it forward as a
-- lease, so an instance that dies mid-call leaves the row to another after the lease.
CREATE TABLE charge (
    id                       BIGINT       NOT NULL AUTO_INCREMENT,
    trip_id                  BIGINT       NOT NULL,
    account_id               BIGINT       NOT NULL,
    payment_account_no       CHAR(16)     NOT NULL,
    original_fen             INT          NOT NULL,
    charged_fen              INT          NOT NULL,
    ridden_at                DATETIME(3)  NOT NULL,
    state                    VARCHAR(16)  NOT NULL,
    order_no                 VARCHAR(32)  NOT NULL,
    attempts                 INT          NOT NULL DEFAULT 0,
    due_at                   DATETIME(3)  NULL,
    fail_reason              VARCHAR(32)  NULL,
    platform_transaction_id  VARCHAR(64)  NULL,
    repayment_no             CHAR(32)     NULL,
    created_at               DATETIME(3)  NOT NULL,
    settled_at               DATETIME(3)  NULL,
    CONSTRAINT pk_charge PRIMARY KEY (id),
    CONSTRAINT uq_charge_trip UNIQUE (trip_id),
    CONSTRAINT uq_charge_order UNIQUE (order_no),
    CONSTRAINT fk_charge_account FOREIGN KEY (account_id) REFERENCES citizen_account (id),
    INDEX ix_charge_due (due_at),
    INDEX ix_charge_account_state (account_id, state),
    INDEX ix_charge_repayment (repayment_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A repayment (补缴): one collection at the platform that settles several failed orders of an account.
CREATE TABLE charge_repayment (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    repayment_no  CHAR(32)     NOT NULL,
    account_id    BIGINT       NOT NULL,
    contract_id   VARCHAR(64)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    order_count   INT          NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    due_at        DATETIME(3)  NULL,
    fail_reason   VARCHAR(32)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    settled_at    DATETIME(3)  NULL,
    CONSTRAINT pk_charge_repayment PRIMARY KEY (id),
    CONSTRAINT uq_charge_repayment_no UNIQUE (repayment_no),
    CONSTRAINT fk_charge_repayment_account FOREIGN KEY (account_id) REFERENCES citizen_account (id),
    INDEX ix_charge_repayment_due (due_at),
    INDEX ix_charge_repayment_account (account_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Whether an account is in arrears, as one row per account: the number of its orders that failed and
-- are not yet repaid. Every change of that number takes this row's lock, so the moment it leaves or
-- reaches zero (arrears incurred, cleared) is decided once, whatever runs at the same time.
CREATE TABLE payment_arrears (
    account_id   BIGINT       NOT NULL,
    open_orders  INT          NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_payment_arrears PRIMARY KEY (account_id),
    CONSTRAINT fk_payment_arrears_account FOREIGN KEY (account_id) REFERENCES citizen_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The platform's notifications about deductions and repayments, kept once by event id (as agreement
-- notifications are in payment_notification), with what was done with them.
CREATE TABLE charge_notification (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    event_id      VARCHAR(64)  NOT NULL,
    event         VARCHAR(32)  NOT NULL,
    reference_no  VARCHAR(32)  NOT NULL,
    event_time    DATETIME(3)  NOT NULL,
    received_at   DATETIME(3)  NOT NULL,
    outcome       VARCHAR(24)  NOT NULL,
    state_before  VARCHAR(16)  NOT NULL,
    state_after   VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_charge_notification PRIMARY KEY (id),
    CONSTRAINT uq_charge_notification_event UNIQUE (event_id),
    INDEX ix_charge_notification_reference (reference_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
