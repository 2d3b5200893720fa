-- The password-free payment agreement (免密支付 / 委托代扣) of each account with the payment platform (R9).
-- PENDING until the platform's signed notification says the citizen signed (ACTIVE) or refused;
-- BLOCKED while the platform reports the payment account frozen or in arrears.
CREATE TABLE payment_agreement (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NOT NULL,
    request_no      CHAR(32)     NOT NULL,
    contract_id     VARCHAR(64)  NULL,
    status          VARCHAR(16)  NOT NULL,
    last_event      VARCHAR(32)  NULL,
    updated_at      DATETIME(3)  NOT NULL,
    CONSTRAINT pk_payment_agreement PRIMARY KEY (id),
    CONSTRAINT uq_payment_agreement_request UNIQUE (request_no),
    CONSTRAINT fk_payment_agreement_account FOREIGN KEY (account_id) REFERENCES citizen_account (id),
    INDEX ix_payment_agreement_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
