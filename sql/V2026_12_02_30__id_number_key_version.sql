-- ID-number ciphers are now bound to their table and index (SM4-GCM associated data) and carry the
-- version of the keys they were made with, so that the keys can be rotated. Rows from before this
-- migration keep NULL: key 1 without associated data; the rotation command rewrites them.
ALTER TABLE redlist_entry ADD COLUMN id_number_key_version SMALLINT NULL AFTER id_number_masked;
ALTER TABLE citizen_account ADD COLUMN id_number_key_version SMALLINT NULL AFTER id_number_masked;
ALTER TABLE concession_holding ADD COLUMN id_number_key_version SMALLINT NULL AFTER id_number_masked;

-- The key version new rows are written with; changed only by the rotation command.
CREATE TABLE personal_data_key_state (
    id              TINYINT     NOT NULL,
    current_version SMALLINT    NOT NULL,
    changed_at      DATETIME(3) NOT NULL,
    CONSTRAINT pk_personal_data_key_state PRIMARY KEY (id),
    CONSTRAINT ck_personal_data_key_state_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO personal_data_key_state (id, current_version, changed_at) VALUES (1, 1, CURRENT_TIMESTAMP(3));
