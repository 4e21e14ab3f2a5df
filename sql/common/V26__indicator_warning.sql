-- Indicator warnings (D19, DOMAIN §7.3): the month's city-figures files as received (city average growth and the
-- zone's rank among the city's districts), and every working-group indicator of a warning run with its figures and the
-- triggers that held (empty: not on the 预警 list). Portable DDL (MariaDB and H2).

CREATE TABLE warning_input (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id        BIGINT        NOT NULL,
    period        VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    stored_path   VARCHAR(1000) NOT NULL,
    checksum      CHAR(64)      NOT NULL,
    received_at   TIMESTAMP     NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    error         VARCHAR(4000),
    rows_accepted INT           NOT NULL DEFAULT 0,
    rows_rejected INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_warning_input_run ON warning_input (run_id);

CREATE TABLE warning_item (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id         BIGINT         NOT NULL,
    position       INT            NOT NULL,
    group_code     VARCHAR(64)    NOT NULL,
    dimension_code VARCHAR(64)    NOT NULL,
    unit_code      VARCHAR(64)    NOT NULL,
    input_value    DECIMAL(24, 6),
    annual_target  DECIMAL(24, 6) NOT NULL,
    completion     DECIMAL(20, 10),
    time_progress  DECIMAL(20, 10) NOT NULL,
    zone_growth    DECIMAL(20, 10),
    city_growth    DECIMAL(20, 10),
    city_rank      INT,
    previous_rank  INT,
    triggers       VARCHAR(64)    NOT NULL
);
CREATE INDEX ix_warning_item_run ON warning_item (run_id, position);
