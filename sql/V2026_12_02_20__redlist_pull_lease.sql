-- Which server instance pulls the credit platform's change feed, and until when. Every instance runs
-- the pull timer; only the holder of an unexpired lease pulls, so several instances pull once, not
-- once each. A holder that stops renewing is replaced when its lease runs out. Times are the
-- database's own clock (NOW(3)), so instances with different clocks still agree.
CREATE TABLE redlist_pull_lease (
    name         VARCHAR(40)   NOT NULL,
    holder       VARCHAR(200)  NOT NULL,
    lease_until  DATETIME(3)   NOT NULL,
    CONSTRAINT pk_redlist_pull_lease PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
