-- The annual result application of each unit (R-AWARD-1), per annual run, with the reason in words.
CREATE TABLE unit_award (
    run_id            BIGINT         NOT NULL,
    unit_code         VARCHAR(64)    NOT NULL,
    annual_rank       INT            NOT NULL,
    total_score       DECIMAL(7, 2)  NOT NULL,
    efficiency_points INT            NOT NULL,
    excellent_quota   DECIMAL(6, 4)  NOT NULL,
    work_funds        DECIMAL(14, 2) NOT NULL,
    reason            TEXT,
    PRIMARY KEY (run_id, unit_code)
);
