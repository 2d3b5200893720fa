-- Revocation is a cut-off: an entry revokes every entitlement serial of the account up to and
-- including revoked_up_to_serial (NULL: every serial, now and later, e.g. a closed account). A
-- validator keeps one number per account, and a phone fetched before a loss report stops too.
-- Entries written before this change named a single serial; reading them as cut-offs only revokes
-- more, never less.
ALTER TABLE blacklist_entry
    CHANGE COLUMN entitlement_serial revoked_up_to_serial BIGINT NULL;

-- One OPEN account per person, kept by the database rather than by a check-then-insert that two
-- concurrent openings both pass: the generated column holds the person's index only while the
-- account is open, and a unique index ignores NULLs.
ALTER TABLE citizen_account
    ADD COLUMN open_person BINARY(32) GENERATED ALWAYS AS (IF(status = 'OPEN', id_number_index, NULL)) STORED,
    ADD CONSTRAINT uq_citizen_account_open_person UNIQUE (open_person);

-- Optimistic locking of the account row: serial increments, revocations and closure never overwrite
-- one another silently.
ALTER TABLE citizen_account
    ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
