-- The personal red list received from the credit platform (信用汕尾).
-- ID numbers are never stored in plain: SM4-GCM ciphertext for the rare read-back, a keyed SM3 (HMAC)
-- index for lookups, and a masked form for screens. Names are kept only masked.
CREATE TABLE redlist_batch (
    batch_id     VARCHAR(64)  NOT NULL,
    sequence_no  BIGINT       NOT NULL,
    issued_at    DATETIME(3)  NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    entry_count  INT          NOT NULL,
    CONSTRAINT pk_redlist_batch PRIMARY KEY (batch_id),
    CONSTRAINT uq_redlist_batch_sequence UNIQUE (sequence_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE redlist_entry (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    id_number_index   BINARY(32)    NOT NULL,
    id_number_cipher  VARBINARY(64) NOT NULL,
    id_number_masked  VARCHAR(18)   NOT NULL,
    name_masked       VARCHAR(40)   NOT NULL,
    category_code     VARCHAR(32)   NOT NULL,
    valid_from        DATE          NOT NULL,
    valid_to          DATE          NOT NULL,
    source_document   VARCHAR(100)  NOT NULL,
    batch_id          VARCHAR(64)   NULL,
    CONSTRAINT pk_redlist_entry PRIMARY KEY (id),
    CONSTRAINT fk_redlist_entry_batch FOREIGN KEY (batch_id) REFERENCES redlist_batch (batch_id),
    INDEX ix_redlist_entry_person (id_number_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
