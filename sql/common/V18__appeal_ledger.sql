-- Enterprise appeals ledger (企业诉求台账, DOMAIN §6.1, issue 17). Portable DDL (MariaDB and H2 in MODE=MariaDB).
-- One row per distinct file content received for a scheme's ledger of a year; the bytes are archived at stored_path.
CREATE TABLE appeal_file (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme         VARCHAR(64)   NOT NULL,
    ledger_year    INT           NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    stored_path    VARCHAR(1000) NOT NULL,
    checksum       CHAR(64)      NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    received_at    TIMESTAMP     NOT NULL,
    registered_at  TIMESTAMP     NOT NULL,
    run_id         BIGINT        NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    error          TEXT,
    rows_accepted  INT           NOT NULL DEFAULT 0,
    rows_rejected  INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_appeal_file UNIQUE (scheme, ledger_year, checksum)
);

-- Every row of every ledger file as received (raw_row), accepted or rejected with its reason. An accepted row is one
-- version of its case: a case sent again is a new row with the next version number, never an update of this one;
-- the latest version of a case is the one the derived figures use.
CREATE TABLE appeal_case (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id           BIGINT        NOT NULL,
    row_no            INT           NOT NULL,
    raw_row           VARCHAR(4000),
    status            VARCHAR(16)   NOT NULL,
    error             VARCHAR(2000),
    case_id           VARCHAR(64),
    version           INT,
    unit_code         VARCHAR(64),
    enterprise        VARCHAR(200),
    credit_code       VARCHAR(32),
    size_class        VARCHAR(16),
    summary           VARCHAR(1000),
    received_at       TIMESTAMP     NULL,
    registered_at     TIMESTAMP     NULL,
    studied_at        TIMESTAMP     NULL,
    resolved_at       TIMESTAMP     NULL,
    resolution_level  VARCHAR(16),
    feedback_by       VARCHAR(16),
    satisfaction      VARCHAR(16),
    CONSTRAINT fk_appeal_case_file FOREIGN KEY (file_id) REFERENCES appeal_file (id)
);
CREATE INDEX ix_appeal_case_case ON appeal_case (case_id, version);
CREATE INDEX ix_appeal_case_file ON appeal_case (file_id, row_no);
