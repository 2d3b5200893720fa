-- The ride-code trust chain (R8). Central CA public keys by their 1-byte index (validators pin them);
-- the issuer's keys with the institution certificate the CA signed for each. Issuer private keys are
-- stored only encrypted (SM4 under the key-encryption key from a password alias); rotation adds a row.
CREATE TABLE ridecode_ca_key (
    key_index   SMALLINT     NOT NULL,
    public_key  BINARY(33)   NOT NULL,
    added_at    DATETIME(3)  NOT NULL,
    CONSTRAINT pk_ridecode_ca_key PRIMARY KEY (key_index),
    CONSTRAINT ck_ridecode_ca_key_index CHECK (key_index BETWEEN 0 AND 255)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ridecode_issuer_key (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    certificate         VARBINARY(117) NOT NULL,
    private_key_cipher  VARBINARY(80)  NOT NULL,
    active              BOOLEAN        NOT NULL,
    created_at          DATETIME(3)    NOT NULL,
    CONSTRAINT pk_ridecode_issuer_key PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
