-- Every read of the usage feedback by the credit platform: when, which month and page, how many
-- rows went out and under which credential. No personal data: the rows themselves are not kept.
CREATE TABLE feedback_access (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    accessed_at     DATETIME(3)  NOT NULL,
    month           CHAR(7)      NOT NULL,
    page            INT          NOT NULL,
    page_size       INT          NOT NULL,
    row_count       INT          NOT NULL,
    credential      VARCHAR(100) NOT NULL,
    CONSTRAINT pk_feedback_access PRIMARY KEY (id),
    INDEX ix_feedback_access_month (month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
