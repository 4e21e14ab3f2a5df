-- Project lists (项目清单, DOMAIN §7.1 D9, issue 15). Portable DDL (MariaDB and H2 in MODE=MariaDB).
-- One row per distinct file content received for a scheme's project list of a year; the bytes are archived at stored_path.
CREATE TABLE project_file (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme         VARCHAR(64)   NOT NULL,
    list_year      INT           NOT NULL,
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
    CONSTRAINT uk_project_file UNIQUE (scheme, list_year, checksum)
);

-- Every row of every project-list file as received (raw_row), accepted or rejected with its reason. An accepted row
-- is one version of its project: a project sent again is a new row with the next version number, never an update;
-- the latest version of a project is the one the derived counts use.
CREATE TABLE project_row (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id          BIGINT        NOT NULL,
    row_no           INT           NOT NULL,
    raw_row          VARCHAR(4000),
    status           VARCHAR(16)   NOT NULL,
    error            VARCHAR(2000),
    project_id       VARCHAR(64),
    version          INT,
    unit_code        VARCHAR(64),
    project_name     VARCHAR(200),
    investment       DECIMAL(20, 4),
    start_date       DATE          NULL,
    completion_date  DATE          NULL,
    note             VARCHAR(1000),
    CONSTRAINT fk_project_row_file FOREIGN KEY (file_id) REFERENCES project_file (id)
);
CREATE INDEX ix_project_row_project ON project_row (project_id, version);
CREATE INDEX ix_project_row_file ON project_row (file_id, row_no);
