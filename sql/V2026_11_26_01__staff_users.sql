-- Staff who sign in to the JSF pages. Passwords are PBKDF2 hashes in the Jakarta Security format
-- (algorithm:iterations:salt:hash), so the container's identity store can check them directly.
CREATE TABLE staff_user (
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT pk_staff_user PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE staff_user_role (
    username VARCHAR(64) NOT NULL,
    role     VARCHAR(32) NOT NULL,
    CONSTRAINT pk_staff_user_role PRIMARY KEY (username, role),
    CONSTRAINT fk_staff_user_role_user FOREIGN KEY (username) REFERENCES staff_user (username) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
