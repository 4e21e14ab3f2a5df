-- Year-end back-to-back evaluation (背靠背评议, DOMAIN §5). Portable DDL: runs unchanged on MariaDB and on H2 in
-- MODE=MariaDB. Anonymity: a token exists in clear only when printed for distribution; here it is an HMAC under the
-- scheme's secret, stored with its group (and for a peer group the rating unit) — never with who received it.

CREATE TABLE eval_secret (
    scheme     VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);

CREATE TABLE eval_token (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    scheme      VARCHAR(64) NOT NULL,
    rater_group VARCHAR(64) NOT NULL,
    rater_unit  VARCHAR(64),
    issued_at   TIMESTAMP   NOT NULL
);
CREATE INDEX ix_eval_token_scheme ON eval_token (scheme);

-- One evaluation run per (scheme, year, revision); a re-run is the next revision, earlier ones stay readable.
CREATE TABLE eval_run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme           VARCHAR(64)  NOT NULL,
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
    ballots_scored   INT          NOT NULL DEFAULT 0,
    ballots_replaced INT          NOT NULL DEFAULT 0,
    output_dir       VARCHAR(1000),
    CONSTRAINT uk_eval_run UNIQUE (scheme, period, revision)
);

-- Every received ballot, case or vote file (kind), once per content; the bytes are archived at stored_path.
CREATE TABLE eval_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme        VARCHAR(64)   NOT NULL,
    period        VARCHAR(16)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    stored_path   VARCHAR(1000) NOT NULL,
    checksum      CHAR(64)      NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    received_at   TIMESTAMP     NOT NULL,
    registered_at TIMESTAMP     NOT NULL,
    run_id        BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    error         TEXT,
    rows_accepted INT           NOT NULL DEFAULT 0,
    rows_rejected INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_eval_file UNIQUE (scheme, period, kind, checksum)
);

-- Every ballot line as received, accepted or not; a later ballot of the same token for the same target is a later
-- row that replaces this one when scoring, never an update of it.
CREATE TABLE eval_ballot (
    file_id     BIGINT        NOT NULL,
    row_no      INT           NOT NULL,
    token_hash  CHAR(64),
    rater_group VARCHAR(64),
    target_unit VARCHAR(64),
    raw_values  VARCHAR(1000),
    status      VARCHAR(16)   NOT NULL,
    error       VARCHAR(2000),
    PRIMARY KEY (file_id, row_no),
    CONSTRAINT fk_eval_ballot_file FOREIGN KEY (file_id) REFERENCES eval_file (id)
);

CREATE TABLE eval_ballot_item (
    file_id   BIGINT       NOT NULL,
    row_no    INT          NOT NULL,
    item_code VARCHAR(64)  NOT NULL,
    score     DECIMAL(5,2) NOT NULL,
    PRIMARY KEY (file_id, row_no, item_code)
);

-- Nominated excellent cases and their votes, as received.
CREATE TABLE eval_case (
    file_id      BIGINT        NOT NULL,
    row_no       INT           NOT NULL,
    case_no      VARCHAR(64),
    unit_code    VARCHAR(64),
    title        VARCHAR(500),
    summary      VARCHAR(4000),
    nominated_at TIMESTAMP     NULL,
    status       VARCHAR(16)   NOT NULL,
    error        VARCHAR(2000),
    PRIMARY KEY (file_id, row_no)
);

CREATE TABLE eval_vote (
    file_id BIGINT       NOT NULL,
    row_no  INT          NOT NULL,
    case_no VARCHAR(64),
    votes   INT,
    status  VARCHAR(16)  NOT NULL,
    error   VARCHAR(2000),
    PRIMARY KEY (file_id, row_no)
);

-- What each run computed: per target and group the ballots and scores, and the total and rank.
CREATE TABLE eval_group_score (
    run_id      BIGINT       NOT NULL,
    target_unit VARCHAR(64)  NOT NULL,
    rater_group VARCHAR(64)  NOT NULL,
    ballots     INT          NOT NULL,
    score       DECIMAL(7,2),
    dropped     BOOLEAN      NOT NULL,
    PRIMARY KEY (run_id, target_unit, rater_group)
);

CREATE TABLE eval_item_score (
    run_id      BIGINT       NOT NULL,
    target_unit VARCHAR(64)  NOT NULL,
    rater_group VARCHAR(64)  NOT NULL,
    item_code   VARCHAR(64)  NOT NULL,
    score       DECIMAL(7,2) NOT NULL,
    PRIMARY KEY (run_id, target_unit, rater_group, item_code)
);

CREATE TABLE eval_total (
    run_id      BIGINT       NOT NULL,
    target_unit VARCHAR(64)  NOT NULL,
    score       DECIMAL(7,2),
    rank_no     INT,
    PRIMARY KEY (run_id, target_unit)
);
