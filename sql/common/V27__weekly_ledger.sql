-- Weekly ledgers (周工作台账, DOMAIN §7.3): co-departments send them to the responsible department by the due day of
-- the ISO week. They are not scored: each received file is kept with its arrival time (office zone), the week's
-- deadline and whether it was late; the first file of a (department, week) decides lateness (D21). Portable DDL.

CREATE TABLE weekly_ledger (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme      VARCHAR(64)   NOT NULL,
    week        VARCHAR(8),
    unit_code   VARCHAR(64),
    file_name   VARCHAR(255)  NOT NULL,
    stored_path VARCHAR(1000) NOT NULL,
    checksum    CHAR(64)      NOT NULL,
    received_at TIMESTAMP     NOT NULL,
    deadline    TIMESTAMP,
    late        BOOLEAN       NOT NULL DEFAULT FALSE,
    first_file  BOOLEAN       NOT NULL DEFAULT FALSE,
    status      VARCHAR(16)   NOT NULL,
    error       VARCHAR(4000),
    run_id      BIGINT        NOT NULL,
    CONSTRAINT uk_weekly_ledger UNIQUE (scheme, checksum)
);
CREATE INDEX ix_weekly_ledger_unit ON weekly_ledger (scheme, unit_code, week);
