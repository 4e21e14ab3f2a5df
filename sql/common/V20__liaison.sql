-- The cadre–enterprise liaison ledger (DOMAIN §6.2, R-LIAISON): every received file and every row of the three record
-- kinds (assignments, visits, problems) as received. A record id's accepted rows are its versions: the newest wins,
-- all are kept. The monthly liaison run stores each unit's figures per revision. Portable DDL (MariaDB and H2).

CREATE TABLE liaison_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme        VARCHAR(64)   NOT NULL,
    kind          VARCHAR(16),
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
    CONSTRAINT uk_liaison_file UNIQUE (scheme, checksum)
);

-- raw: the row's cells as typed, in the kind's column order, joined by U+001F (VARCHAR, not TEXT: H2 stores TEXT as a
-- slow CLOB); cells: an accepted row's values as read (dates ISO, a unit given by name as its code), what the ledger uses
CREATE TABLE liaison_row (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id   BIGINT        NOT NULL,
    scheme    VARCHAR(64)   NOT NULL,
    kind      VARCHAR(16)   NOT NULL,
    row_no    INT           NOT NULL,
    record_id VARCHAR(64),
    version   INT,
    raw       VARCHAR(4000) NOT NULL,
    cells     VARCHAR(4000),
    status    VARCHAR(16)   NOT NULL,
    error     VARCHAR(4000),
    CONSTRAINT fk_liaison_row_file FOREIGN KEY (file_id) REFERENCES liaison_file (id)
);
CREATE INDEX ix_liaison_row_record ON liaison_row (scheme, kind, status, record_id);
CREATE INDEX ix_liaison_row_file ON liaison_row (file_id, row_no);

-- One row per unit and liaison run: the figures its bulletin printed (rates as fractions, null when nothing is due).
CREATE TABLE liaison_figure (
    run_id        BIGINT        NOT NULL,
    unit_code     VARCHAR(64)   NOT NULL,
    assignments   INT           NOT NULL,
    visited       INT           NOT NULL,
    visits        INT           NOT NULL,
    coverage_rate DECIMAL(9, 4),
    raised        INT           NOT NULL,
    closed        INT           NOT NULL,
    closed_late   INT           NOT NULL,
    open_count    INT           NOT NULL,
    overdue       INT           NOT NULL,
    closing_rate  DECIMAL(9, 4),
    PRIMARY KEY (run_id, unit_code)
);
