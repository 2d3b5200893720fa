-- Check 7 of the online scan: a code (account + generation time) pays once in the whole system, not
-- once per server instance. The primary key is the memory: a second instance's insert of the same code
-- waits for the first and then finds it taken.
CREATE TABLE ride_code_use (
    payment_account_no  CHAR(16)     NOT NULL,
    generation_time     BIGINT       NOT NULL,
    used_at             DATETIME(3)  NOT NULL,
    CONSTRAINT pk_ride_code_use PRIMARY KEY (payment_account_no, generation_time),
    INDEX ix_ride_code_use_time (used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
