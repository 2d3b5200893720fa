-- Validators become devices with their own credential, fares become a table with validity dates, and a
-- scan becomes a durable trip, refused scans included (with their reason), so that every tap can be
-- reconciled later. trip_record had no writer until now, so it is reshaped in place.

-- Service hours of a route, for the "outside service hours" flag; a route without them is never flagged.
ALTER TABLE bus_route
    ADD COLUMN service_starts TIME NULL,
    ADD COLUMN service_ends   TIME NULL;

-- The fare of a route over time: the fare of a ride is the row whose validity covers the ride's day.
CREATE TABLE route_fare (
    id          BIGINT NOT NULL AUTO_INCREMENT,
    route_id    BIGINT NOT NULL,
    fare_fen    INT    NOT NULL,
    valid_from  DATE   NOT NULL,
    valid_to    DATE   NULL,
    CONSTRAINT pk_route_fare PRIMARY KEY (id),
    CONSTRAINT uq_route_fare_from UNIQUE (route_id, valid_from),
    CONSTRAINT fk_route_fare_route FOREIGN KEY (route_id) REFERENCES bus_route (id),
    CONSTRAINT ck_route_fare_amount CHECK (fare_fen > 0 AND fare_fen <= 10000),
    CONSTRAINT ck_route_fare_dates CHECK (valid_to IS NULL OR valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO route_fare (route_id, fare_fen, valid_from) SELECT id, fare_fen, '2026-01-01' FROM bus_route;
ALTER TABLE bus_route DROP CONSTRAINT ck_bus_route_fare;
ALTER TABLE bus_route DROP COLUMN fare_fen;

-- Each validator signs its requests with its own secret (HMAC-SM3), kept SM4-encrypted under the
-- ride-code key-encryption key: the server needs the secret itself to check a signature.
ALTER TABLE validator
    ADD COLUMN secret_cipher  VARBINARY(128) NULL,
    ADD COLUMN registered_at  DATETIME(3)    NULL,
    ADD COLUMN disabled_at    DATETIME(3)    NULL,
    ADD COLUMN last_seen_at   DATETIME(3)    NULL,
    ADD COLUMN reported_backlog INT          NULL;

-- Nonces a device has used, so a captured request cannot be replayed while its timestamp is acceptable.
CREATE TABLE validator_nonce (
    validator_id BIGINT      NOT NULL,
    nonce        VARCHAR(64) NOT NULL,
    seen_at      DATETIME(3) NOT NULL,
    CONSTRAINT pk_validator_nonce PRIMARY KEY (validator_id, nonce),
    INDEX ix_validator_nonce_seen (seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A trip is one tap on a validator: (validator, device serial) is its key forever. State ACCEPTED trips
-- are the rides money is charged and claimed for; REFUSED ones keep the reason; PENDING ones came
-- from an offline upload and wait for the server's own verification.
ALTER TABLE trip_record
    MODIFY COLUMN id_number_index BINARY(32) NULL,
    ADD COLUMN device_serial      BIGINT       NULL AFTER validator_id,
    ADD COLUMN company_id         BIGINT       NULL AFTER device_serial,
    ADD COLUMN source             VARCHAR(8)   NOT NULL DEFAULT 'ONLINE',
    ADD COLUMN state              VARCHAR(16)  NOT NULL DEFAULT 'ACCEPTED',
    ADD COLUMN reason             VARCHAR(32)  NULL,
    ADD COLUMN device_verdict     VARCHAR(32)  NULL,
    ADD COLUMN received_at        DATETIME(3)  NULL,
    ADD COLUMN code               VARBINARY(1024) NULL,
    ADD COLUMN code_digest        BINARY(32)   NULL,
    ADD COLUMN content_digest     BINARY(32)   NULL,
    ADD COLUMN payment_account_no VARCHAR(32)  NULL,
    ADD COLUMN generation_time    BIGINT       NULL,
    ADD COLUMN entitlement_serial BIGINT       NULL,
    ADD COLUMN account_id         BIGINT       NULL,
    ADD COLUMN rate_basis_points  INT          NULL,
    ADD COLUMN policy_version_id  BIGINT       NULL,
    ADD CONSTRAINT uq_trip_record_device_serial UNIQUE (validator_id, device_serial),
    ADD CONSTRAINT fk_trip_record_validator FOREIGN KEY (validator_id) REFERENCES validator (id),
    ADD INDEX ix_trip_record_state (state, id),
    ADD INDEX ix_trip_record_code (code_digest),
    ADD INDEX ix_trip_record_account_time (account_id, ridden_at),
    ADD INDEX ix_trip_record_time (ridden_at);
