-- Bipin's own tables: runs and their revisions, every received file and row, and the scores of every run.
-- Portable DDL: runs unchanged on MariaDB and on H2 in MODE=MariaDB.

CREATE TABLE run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme           VARCHAR(64)  NOT NULL,
    cycle            VARCHAR(16)  NOT NULL,
    period           VARCHAR(16)  NOT NULL,
    revision         INT          NOT NULL,
    job_execution_id BIGINT,
    status           VARCHAR(16)  NOT NULL,
    message          TEXT,
    started_at       TIMESTAMP    NOT NULL,
    finished_at      TIMESTAMP    NULL,
    files_accepted   INT          NOT NULL DEFAULT 0,
    files_rejected   INT          NOT NULL DEFAULT 0,
    rows_accepted    INT          NOT NULL DEFAULT 0,
    rows_rejected    INT          NOT NULL DEFAULT 0,
    output_dir       VARCHAR(1000),
    CONSTRAINT uk_run_revision UNIQUE (scheme, cycle, period, revision)
);

-- One row per distinct file content received for a scheme and period; the bytes are archived at stored_path.
CREATE TABLE received_file (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme         VARCHAR(64)   NOT NULL,
    period         VARCHAR(16)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    stored_path    VARCHAR(1000) NOT NULL,
    checksum       CHAR(64)      NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    received_at    TIMESTAMP     NOT NULL,
    registered_at  TIMESTAMP     NOT NULL,
    run_id         BIGINT        NOT NULL,
    unit_code      VARCHAR(64),
    late           BOOLEAN       NOT NULL DEFAULT FALSE,
    status         VARCHAR(16)   NOT NULL,
    error          TEXT,
    rows_accepted  INT           NOT NULL DEFAULT 0,
    rows_rejected  INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_received_file UNIQUE (scheme, period, checksum)
);

-- Every row as received, accepted or not; a correction is a later row, never an update of this one.
CREATE TABLE submission_row (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id        BIGINT        NOT NULL,
    row_no         INT           NOT NULL,
    sheet          VARCHAR(64),
    col            VARCHAR(32),
    unit_code      VARCHAR(64),
    period         VARCHAR(16),
    dimension_code VARCHAR(64),
    raw_value      VARCHAR(1000),
    note           VARCHAR(1000),
    input_value    DECIMAL(30, 10),
    status         VARCHAR(16)   NOT NULL,
    error          VARCHAR(1000),
    CONSTRAINT fk_submission_file FOREIGN KEY (file_id) REFERENCES received_file (id)
);
CREATE INDEX ix_submission_key ON submission_row (unit_code, period, dimension_code);
CREATE INDEX ix_submission_file ON submission_row (file_id, row_no);

-- What each run computed, with every input needed to explain a score.
CREATE TABLE dimension_score (
    run_id           BIGINT          NOT NULL,
    competition_code VARCHAR(64)     NOT NULL,
    dimension_code   VARCHAR(64)     NOT NULL,
    unit_code        VARCHAR(64)     NOT NULL,
    input_value      DECIMAL(30, 10),
    month_amount     DECIMAL(30, 10),
    target           DECIMAL(30, 10),
    time_progress    DECIMAL(20, 10) NOT NULL,
    method           VARCHAR(32)     NOT NULL,
    score            DECIMAL(7, 2)   NOT NULL,
    missing          BOOLEAN         NOT NULL,
    source_row_id    BIGINT,
    PRIMARY KEY (run_id, dimension_code, unit_code)
);

CREATE TABLE competition_score (
    run_id           BIGINT        NOT NULL,
    competition_code VARCHAR(64)   NOT NULL,
    unit_code        VARCHAR(64)   NOT NULL,
    score            DECIMAL(7, 2) NOT NULL,
    rank_no          INT           NOT NULL,
    previous_rank    INT,
    PRIMARY KEY (run_id, competition_code, unit_code)
);

CREATE TABLE total_score (
    run_id        BIGINT        NOT NULL,
    unit_code     VARCHAR(64)   NOT NULL,
    score         DECIMAL(7, 2) NOT NULL,
    rank_no       INT           NOT NULL,
    previous_rank INT,
    PRIMARY KEY (run_id, unit_code)
);
