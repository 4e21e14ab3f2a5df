-- What became of a run's result (D23): a preview (run without mail), not mailed because it equals the revision before,
-- held back for a statistician, or mailed; and whether it is a correction (更正) of the revision before.
ALTER TABLE run ADD COLUMN publication VARCHAR(16);
ALTER TABLE run ADD COLUMN correction BOOLEAN NOT NULL DEFAULT FALSE;

-- The revisions of its periods a quarterly or annual run was built from (D22): when one of those periods gets a newer
-- revision, the quarter or year published from the old one is stale until it is run again.
CREATE TABLE run_input (
    run_id       BIGINT NOT NULL,
    input_run_id BIGINT NOT NULL,
    PRIMARY KEY (run_id, input_run_id)
);
CREATE INDEX ix_run_input_input ON run_input (input_run_id);
