-- Red-list intake (R1) and eligibility (R2–R5, R17).

-- A batch is known by its id and its content: a re-sent identical batch is acknowledged, a different
-- batch under a used id is refused. The digest is SM3 over the batch's canonical signed form.
ALTER TABLE redlist_batch
    ADD COLUMN content_digest BINARY(32)  NOT NULL,
    ADD COLUMN channel        VARCHAR(8)  NOT NULL,
    ADD COLUMN added_count    INT         NOT NULL DEFAULT 0,
    ADD COLUMN changed_count  INT         NOT NULL DEFAULT 0,
    ADD COLUMN removed_count  INT         NOT NULL DEFAULT 0;

-- One row per person and category; a removal (revocation) keeps the row with revoked_at set, so the
-- history of why someone was or was not eligible on a day can still be explained.
ALTER TABLE redlist_entry
    ADD COLUMN level            VARCHAR(16)   NULL,
    ADD COLUMN blood_ml         INT           NULL,
    ADD COLUMN donation_yuan    DECIMAL(14,2) NULL,
    ADD COLUMN volunteer_stars  TINYINT       NULL,
    ADD COLUMN taxpayer_grade   VARCHAR(2)    NULL,
    ADD COLUMN recognised_on    DATE          NULL,
    ADD COLUMN residency        VARCHAR(16)   NULL,
    ADD COLUMN revoked_at       DATETIME(3)   NULL,
    ADD COLUMN updated_at       DATETIME(3)   NULL,
    ADD CONSTRAINT uq_redlist_entry_person_category UNIQUE (id_number_index, category_code);

-- The unique key above starts with the ID index and serves every lookup by person; a second index on
-- the same random 32-byte column would only double the work of each insert.
ALTER TABLE redlist_entry DROP INDEX ix_redlist_entry_person;

-- Qualifying categories are data (the plan says 包括但不限于): staff can add more without code.
CREATE TABLE category (
    code       VARCHAR(32)   NOT NULL,
    name_zh    VARCHAR(100)  NOT NULL,
    name_en    VARCHAR(100)  NOT NULL,
    rule_kind  VARCHAR(32)   NOT NULL,
    threshold  DECIMAL(14,2) NULL,
    grades     VARCHAR(16)   NULL,
    active     BOOLEAN       NOT NULL DEFAULT TRUE,
    CONSTRAINT pk_category PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The nine categories of R2. Levels are ordinals: 0 county, 1 municipal, 2 provincial, 3 national.
INSERT INTO category (code, name_zh, name_en, rule_kind, threshold, grades) VALUES
    ('MODEL_WORKER',        '市级以上劳模',             'Model worker (municipal or higher)',          'LEVEL_AT_LEAST',           1,     NULL),
    ('HEROIC_DEED',         '市级以上见义勇为',         'Heroic deed (municipal or higher)',           'LEVEL_AT_LEAST',           1,     NULL),
    ('MORAL_MODEL',         '道德模范',                 'Moral model',                                 'RECOGNISED',               NULL,  NULL),
    ('STEM_CELL_DONOR',     '造血干细胞捐献者',         'Haematopoietic stem-cell donor',              'RECOGNISED',               NULL,  NULL),
    ('BLOOD_DONOR',         '无偿献血累计4000毫升以上', 'Voluntary blood donor (4000 ml or more)',     'BLOOD_ML_AT_LEAST',        4000,  NULL),
    ('CHARITY_DONOR',       '捐赠10000元以上慈善人士',  'Charity donor (10000 yuan or more)',          'DONATION_YUAN_AT_LEAST',   10000, NULL),
    ('EXCELLENT_VOLUNTEER', '市级以上优秀志愿者',       'Excellent volunteer (municipal or higher)',   'LEVEL_AT_LEAST',           1,     NULL),
    ('VOLUNTEER_STARS',     '二星或以上志愿者',         'Volunteer with two stars or more',            'VOLUNTEER_STARS_AT_LEAST', 2,     NULL),
    ('TAXPAYER_A',          'A级纳税人',                'A-grade taxpayer',                            'TAXPAYER_GRADE_IN',        NULL,  'A');

-- Other concessions (R4, no stacking), imported from the card operator's account types.
CREATE TABLE concession_holding (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    id_number_index      BINARY(32)    NOT NULL,
    id_number_masked     VARCHAR(18)   NOT NULL,
    concession_type      VARCHAR(32)   NOT NULL,
    source_account_type  VARCHAR(16)   NOT NULL,
    valid_from           DATE          NOT NULL,
    valid_to             DATE          NULL,
    imported_at          DATETIME(3)   NOT NULL,
    CONSTRAINT pk_concession_holding PRIMARY KEY (id),
    INDEX ix_concession_holding_person (id_number_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Policy versions (R5, R17): the rate and the window change without code.
CREATE TABLE policy_version (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    rate_basis_points  INT           NOT NULL,
    issued_on          DATE          NOT NULL,
    effective_from     DATE          NOT NULL,
    expires_on         DATE          NOT NULL,
    document_no        VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_policy_version PRIMARY KEY (id),
    CONSTRAINT ck_policy_rate CHECK (rate_basis_points BETWEEN 0 AND 10000),
    CONSTRAINT ck_policy_window CHECK (expires_on >= effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The plan is in force for two years from its issue; the issue date is set here and staff may correct it.
INSERT INTO policy_version (rate_basis_points, issued_on, effective_from, expires_on, document_no)
VALUES (5000, '2026-01-01', '2026-01-01', '2027-12-31', '汕尾市交通运输局“信易行”实施方案');

-- Discounted rides, for the usage feedback to the credit platform (联合奖惩反馈). Filled by the
-- validator interface; money in integer fen.
CREATE TABLE trip_record (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    id_number_index  BINARY(32)   NOT NULL,
    ridden_at        DATETIME(3)  NOT NULL,
    route_id         BIGINT       NULL,
    validator_id     BIGINT       NULL,
    concession       VARCHAR(32)  NULL,
    original_fen     INT          NOT NULL,
    discount_fen     INT          NOT NULL,
    charged_fen      INT          NOT NULL,
    CONSTRAINT pk_trip_record PRIMARY KEY (id),
    CONSTRAINT ck_trip_record_money CHECK (original_fen = discount_fen + charged_fen AND discount_fen >= 0),
    INDEX ix_trip_record_person_time (id_number_index, ridden_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
