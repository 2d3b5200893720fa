-- The one-time first-administrator bootstrap of a production database: one row once it has been used,
-- after which the bootstrap is refused for ever.
CREATE TABLE staff_bootstrap (
    id       TINYINT     NOT NULL,
    username VARCHAR(64) NOT NULL,
    used_at  DATETIME(3) NOT NULL,
    CONSTRAINT pk_staff_bootstrap PRIMARY KEY (id),
    CONSTRAINT ck_staff_bootstrap_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
