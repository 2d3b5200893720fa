-- The year's settlement (R10, R11).
--
-- trip_outcome is THE subsidy rule, stated once: what a trip counts as for the city's money. Every
-- roll-up, every annual detail and summary and every reconciliation reads trips through it, so they
-- cannot disagree about which rides are subsidised. Evaluated in order:
--   REFUSED         the code failed verification (online, or the server's re-verification of an upload)
--   UNVERIFIED      an uploaded record the server has not verified yet
--   UNPRICED        the route had no fare on that day
--   FLAGGED         a fraud flag names the trip (R15): kept out until a fraud case clears it
--   NO_CHARGE       accepted, but no charge exists (the code named no account of ours)
--   CHARGE_PENDING  the deduction has not reached a final state yet
--   SUBSIDISED      verified, not flagged, and its charge succeeded (PAID, REPAID, NOTHING_DUE) or is in
--                   arrears being collected (IN_ARREARS): the discount is what the city owes the company
-- It is the read contract of the trip and payment areas towards settlement: those areas own the tables,
-- this view is the only way settlement reads them.
CREATE VIEW trip_outcome AS
SELECT t.id                       AS trip_id,
       t.ridden_at                AS ridden_at,
       t.received_at              AS received_at,
       COALESCE(t.company_id, 0)  AS company_id,
       COALESCE(t.route_id, 0)    AS route_id,
       COALESCE(t.validator_id, 0) AS validator_id,
       COALESCE(t.concession, '') AS concession,
       COALESCE(bc.code, '')      AS company_code,
       COALESCE(br.route_no, '')  AS route_no,
       COALESCE(v.device_id, '')  AS device_id,
       t.payment_account_no       AS payment_account_no,
       t.policy_version_id        AS policy_version_id,
       t.source                   AS source,
       t.original_fen             AS original_fen,
       t.charged_fen              AS charged_fen,
       t.discount_fen             AS discount_fen,
       c.state                    AS charge_state,
       c.order_no                 AS order_no,
       CASE
           WHEN t.state = 'REFUSED' THEN 'REFUSED'
           WHEN t.state = 'PENDING' THEN 'UNVERIFIED'
           WHEN t.state = 'UNPRICED' THEN 'UNPRICED'
           WHEN EXISTS (SELECT 1 FROM trip_flag f WHERE f.trip_id = t.id) THEN 'FLAGGED'
           WHEN c.state IS NULL THEN 'NO_CHARGE'
           WHEN c.state IN ('PAID', 'REPAID', 'NOTHING_DUE', 'IN_ARREARS') THEN 'SUBSIDISED'
           ELSE 'CHARGE_PENDING'
       END                        AS outcome
FROM trip_record t
LEFT JOIN charge c ON c.trip_id = t.id
LEFT JOIN bus_company bc ON bc.id = t.company_id
LEFT JOIN bus_route br ON br.id = t.route_id
LEFT JOIN validator v ON v.id = t.validator_id;

-- The nightly roll-up: one row per service day x company x route x concession x outcome. A day is
-- rolled up by replacing its rows with a fresh GROUP BY over trip_outcome, so re-rolling a day that
-- did not change writes the same rows. The service day is the date of ridden_at (Shanwei time).
CREATE TABLE daily_rollup (
    service_day   DATE         NOT NULL,
    company_id    BIGINT       NOT NULL,
    route_id      BIGINT       NOT NULL,
    concession    VARCHAR(32)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    rides         BIGINT       NOT NULL,
    original_fen  BIGINT       NOT NULL,
    charged_fen   BIGINT       NOT NULL,
    discount_fen  BIGINT       NOT NULL,
    CONSTRAINT pk_daily_rollup PRIMARY KEY (service_day, company_id, route_id, concession, outcome)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which days have been rolled up, when, and how often; locked while a day is rolled so two instances
-- never roll the same day at once. closed_at is the first roll-up after the day ended: any change to
-- the day after that is an adjustment.
CREATE TABLE rollup_day (
    service_day  DATE         NOT NULL,
    closed_at    DATETIME(3)  NULL,
    rolled_at    DATETIME(3)  NOT NULL,
    rolls        INT          NOT NULL,
    trips        BIGINT       NOT NULL,
    CONSTRAINT pk_rollup_day PRIMARY KEY (service_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A closed day that changed when it was rolled again (a late upload, a charge that settled later, a new
-- flag): the difference per group, dated, so the annual package can show what moved after the day.
CREATE TABLE rollup_adjustment (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    service_day         DATE         NOT NULL,
    adjusted_at         DATETIME(3)  NOT NULL,
    company_id          BIGINT       NOT NULL,
    route_id            BIGINT       NOT NULL,
    concession          VARCHAR(32)  NOT NULL,
    outcome             VARCHAR(16)  NOT NULL,
    rides_delta         BIGINT       NOT NULL,
    original_fen_delta  BIGINT       NOT NULL,
    charged_fen_delta   BIGINT       NOT NULL,
    discount_fen_delta  BIGINT       NOT NULL,
    CONSTRAINT pk_rollup_adjustment PRIMARY KEY (id),
    INDEX ix_rollup_adjustment_day (service_day, adjusted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The nightly roll-up re-rolls the days that changed since it last ran: days with trips received
-- (late uploads), charges settled or flags raised since then. This row remembers when that was, and is
-- locked by the instance that runs it.
CREATE TABLE rollup_watermark (
    id           INT          NOT NULL,
    last_run_at  DATETIME(3)  NOT NULL,
    CONSTRAINT pk_rollup_watermark PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO rollup_watermark (id, last_run_at) VALUES (1, '2026-01-01 00:00:00');

ALTER TABLE trip_record ADD INDEX ix_trip_record_received (received_at);
ALTER TABLE charge ADD INDEX ix_charge_settled (settled_at);

-- Settlement runs get versions: a re-run of a year never replaces a result, it adds version n+1 with a
-- reason. The batch job that builds a version keeps its own progress here, in the same transaction as
-- each chunk it writes, so a run that dies resumes from its last committed chunk.
ALTER TABLE settlement_run DROP PRIMARY KEY;
ALTER TABLE settlement_run
    ADD COLUMN id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST,
    ADD COLUMN version        INT           NOT NULL DEFAULT 1 AFTER settlement_year,
    ADD COLUMN reason         VARCHAR(500)  NULL,
    ADD COLUMN started_by     VARCHAR(64)   NULL,
    ADD COLUMN execution_id   BIGINT        NULL,
    ADD COLUMN next_trip_id   BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN last_trip_id   BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN rows_total     BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN rows_done      BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN subsidised_rides BIGINT      NULL,
    ADD COLUMN discount_fen   BIGINT        NULL,
    ADD COLUMN package_dir    VARCHAR(500)  NULL,
    ADD COLUMN manifest_sm3   CHAR(64)      NULL,
    ADD COLUMN failure        VARCHAR(500)  NULL,
    ADD COLUMN finished_at    DATETIME(3)   NULL,
    ADD CONSTRAINT uq_settlement_run_version UNIQUE (settlement_year, version);
UPDATE settlement_run SET status = 'FAILED', failure = 'opened before runs had versions' WHERE status = 'AWAITING_DATA';

-- A version's frozen basis: every trip of the year with its outcome (and the names of its company, route
-- and device as they were), copied from trip_outcome chunk by chunk. Detail and summary are both read from here, so they agree to the fen whatever changes in the
-- live tables while the files are written.
CREATE TABLE settlement_line (
    run_id              BIGINT       NOT NULL,
    trip_id             BIGINT       NOT NULL,
    ridden_at           DATETIME(3)  NOT NULL,
    company_id          BIGINT       NOT NULL,
    route_id            BIGINT       NOT NULL,
    validator_id        BIGINT       NOT NULL,
    company_code        VARCHAR(32)  NOT NULL,
    route_no            VARCHAR(16)  NOT NULL,
    device_id           VARCHAR(32)  NOT NULL,
    concession          VARCHAR(32)  NOT NULL,
    payment_account_no  VARCHAR(32)  NULL,
    policy_version_id   BIGINT       NULL,
    original_fen        INT          NOT NULL,
    charged_fen         INT          NOT NULL,
    discount_fen        INT          NOT NULL,
    outcome             VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_settlement_line PRIMARY KEY (run_id, trip_id),
    CONSTRAINT fk_settlement_line_run FOREIGN KEY (run_id) REFERENCES settlement_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
