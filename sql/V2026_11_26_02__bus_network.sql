-- The bus companies that receive the subsidy, their urban routes and the validators on their buses.
-- Fares are integer fen: money never passes through floating point.
CREATE TABLE bus_company (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    code         VARCHAR(32)  NOT NULL,
    name_zh      VARCHAR(100) NOT NULL,
    name_en      VARCHAR(100) NOT NULL,
    credit_code  VARCHAR(18)  NOT NULL,
    CONSTRAINT pk_bus_company PRIMARY KEY (id),
    CONSTRAINT uq_bus_company_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE bus_route (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    company_id  BIGINT      NOT NULL,
    route_no    VARCHAR(16) NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    fare_fen    INT         NOT NULL,
    CONSTRAINT pk_bus_route PRIMARY KEY (id),
    CONSTRAINT uq_bus_route_no UNIQUE (company_id, route_no),
    CONSTRAINT fk_bus_route_company FOREIGN KEY (company_id) REFERENCES bus_company (id),
    CONSTRAINT ck_bus_route_fare CHECK (fare_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE validator (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    device_id    VARCHAR(32) NOT NULL,
    company_id   BIGINT      NOT NULL,
    route_id     BIGINT      NULL,
    bus_plate    VARCHAR(16) NOT NULL,
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    CONSTRAINT pk_validator PRIMARY KEY (id),
    CONSTRAINT uq_validator_device UNIQUE (device_id),
    CONSTRAINT fk_validator_company FOREIGN KEY (company_id) REFERENCES bus_company (id),
    CONSTRAINT fk_validator_route FOREIGN KEY (route_id) REFERENCES bus_route (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
