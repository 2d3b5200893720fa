-- Citizen accounts (R6, R9): opened from the 善美村居 mini-program with a verified identity.
-- Personal data as everywhere: the ID number as keyed index + SM4 cipher + mask; name and phone masked.
CREATE TABLE citizen_account (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    id_number_index    BINARY(32)    NOT NULL,
    id_number_cipher   VARBINARY(64) NULL,
    id_number_masked   VARCHAR(18)   NOT NULL,
    name_masked        VARCHAR(40)   NOT NULL,
    phone_masked       VARCHAR(20)   NULL,
    account_type       VARCHAR(32)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    payment_account_no CHAR(16)      NOT NULL,
    user_account_no    CHAR(10)      NOT NULL,
    consent_version    VARCHAR(16)   NOT NULL,
    entitlement_serial BIGINT        NULL,
    consented_at       DATETIME(3)   NOT NULL,
    opened_at          DATETIME(3)   NOT NULL,
    closed_at          DATETIME(3)   NULL,
    CONSTRAINT pk_citizen_account PRIMARY KEY (id),
    CONSTRAINT uq_citizen_account_payment UNIQUE (payment_account_no),
    CONSTRAINT uq_citizen_account_user UNIQUE (user_account_no),
    INDEX ix_citizen_account_person (id_number_index, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every consent given or withdrawn, with the version of the text the citizen saw (PIPL).
CREATE TABLE consent_record (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    account_id   BIGINT       NOT NULL,
    version      VARCHAR(16)  NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    recorded_at  DATETIME(3)  NOT NULL,
    CONSTRAINT pk_consent_record PRIMARY KEY (id),
    CONSTRAINT fk_consent_record_account FOREIGN KEY (account_id) REFERENCES citizen_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Revoked ride credentials, by version: validators download the full list or the changes since theirs.
CREATE TABLE blacklist_entry (
    version             BIGINT       NOT NULL AUTO_INCREMENT,
    payment_account_no  CHAR(16)     NOT NULL,
    entitlement_serial  BIGINT       NULL,
    reason              VARCHAR(32)  NOT NULL,
    added_at            DATETIME(3)  NOT NULL,
    CONSTRAINT pk_blacklist_entry PRIMARY KEY (version),
    INDEX ix_blacklist_account (payment_account_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
