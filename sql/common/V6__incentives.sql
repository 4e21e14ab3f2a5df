-- Enterprise incentives (DOMAIN §4, R-INC): their own runs and revisions, every received data file and row,
-- every award line of every revision, and the ledger of once-only awards that must never be granted twice.
-- Portable DDL: runs unchanged on MariaDB and on H2 in MODE=MariaDB.

CREATE TABLE incentive_run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme           VARCHAR(64)    NOT NULL,
    period           VARCHAR(16)    NOT NULL,
    revision         INT            NOT NULL,
    job_execution_id BIGINT,
    status           VARCHAR(16)    NOT NULL,
    message          TEXT,
    started_at       TIMESTAMP      NOT NULL,
    finished_at      TIMESTAMP      NULL,
    files_accepted   INT            NOT NULL DEFAULT 0,
    files_rejected   INT            NOT NULL DEFAULT 0,
    rows_accepted    INT            NOT NULL DEFAULT 0,
    rows_rejected    INT            NOT NULL DEFAULT 0,
    award_lines      INT            NOT NULL DEFAULT 0,
    award_total      DECIMAL(18, 2) NOT NULL DEFAULT 0,
    output_dir       VARCHAR(1000),
    CONSTRAINT uk_incentive_run UNIQUE (scheme, period, revision)
);

-- One row per distinct file content received for a scheme, period and data kind; bytes archived at stored_path.
CREATE TABLE incentive_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme        VARCHAR(64)   NOT NULL,
    period        VARCHAR(16)   NOT NULL,
    entity        VARCHAR(16),
    file_name     VARCHAR(255)  NOT NULL,
    stored_path   VARCHAR(1000) NOT NULL,
    checksum      CHAR(64)      NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    received_at   TIMESTAMP     NOT NULL,
    run_id        BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    error         TEXT,
    rows_accepted INT           NOT NULL DEFAULT 0,
    rows_rejected INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_incentive_file UNIQUE (scheme, period, checksum)
);

-- Every data row as received (cells joined by U+001F; VARCHAR, not TEXT, which H2 stores as a slow CLOB), accepted, rejected with its reasons, or superseded by
-- the same subject in a later file.
CREATE TABLE incentive_row (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id    BIGINT       NOT NULL,
    scheme     VARCHAR(64)  NOT NULL,
    period     VARCHAR(16)  NOT NULL,
    entity     VARCHAR(16)  NOT NULL,
    row_no     INT          NOT NULL,
    subject_id VARCHAR(64),
    raw        VARCHAR(4000) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    error      VARCHAR(4000),
    CONSTRAINT fk_incentive_row_file FOREIGN KEY (file_id) REFERENCES incentive_file (id)
);
CREATE INDEX ix_incentive_row_period ON incentive_row (scheme, period, entity, status);
CREATE INDEX ix_incentive_row_file ON incentive_row (file_id, row_no);

-- Every award line of every revision: what triggered it, the formula with its numbers, the cap, the amount. A
-- once-only award earned again but granted before is kept too (granted = FALSE, withheld_note says where).
CREATE TABLE incentive_award (
    run_id         BIGINT         NOT NULL,
    line_no        INT            NOT NULL,
    rule_id        VARCHAR(16)    NOT NULL,
    part           VARCHAR(32)    NOT NULL,
    subject_id     VARCHAR(64)    NOT NULL,
    subject_name   VARCHAR(255),
    recipient_id   VARCHAR(64),
    recipient_name VARCHAR(255),
    inputs         TEXT           NOT NULL,
    formula        TEXT           NOT NULL,
    cap_note       VARCHAR(255),
    amount         DECIMAL(18, 2) NOT NULL,
    once_only      BOOLEAN        NOT NULL,
    granted        BOOLEAN        NOT NULL,
    withheld_note  VARCHAR(255),
    PRIMARY KEY (run_id, line_no)
);

-- Once-only awards granted, by ledger (a district's series of yearly schemes), rule, subject and part. A re-run of a
-- period replaces that period's rows; the unique key is what makes a second grant impossible.
CREATE TABLE incentive_once (
    ledger     VARCHAR(64)    NOT NULL,
    rule_id    VARCHAR(16)    NOT NULL,
    subject_id VARCHAR(64)    NOT NULL,
    part       VARCHAR(32)    NOT NULL,
    scheme     VARCHAR(64)    NOT NULL,
    period     VARCHAR(16)    NOT NULL,
    run_id     BIGINT         NOT NULL,
    amount     DECIMAL(18, 2) NOT NULL,
    CONSTRAINT pk_incentive_once PRIMARY KEY (ledger, rule_id, subject_id, part)
);
