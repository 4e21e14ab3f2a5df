-- One kind of run, part 2: eval_run and incentive_run rows become run rows (new ids from the one sequence), every
-- table that pointed at them is re-pointed, and the two tables go. Each kind keeps its own result figures in a table
-- of its own (eval_run_total, incentive_run_total). Ids are re-pointed through their negatives so that a new id can
-- never meet an old one in a primary key half-way through.
ALTER TABLE run ADD CONSTRAINT uk_run_revision UNIQUE (scheme, kind, period, revision);

INSERT INTO run (kind, scheme, cycle, period, revision, job_execution_id, status, message, started_at, finished_at,
                 files_accepted, files_rejected, rows_accepted, rows_rejected, output_dir, legacy_id)
SELECT 'evaluation', scheme, 'annual', period, revision, job_execution_id, status, message, started_at, finished_at,
       files_accepted, files_rejected, rows_accepted, rows_rejected, output_dir, id
FROM eval_run ORDER BY id;

INSERT INTO run (kind, scheme, cycle, period, revision, job_execution_id, status, message, started_at, finished_at,
                 files_accepted, files_rejected, rows_accepted, rows_rejected, output_dir, legacy_id)
SELECT 'incentive', scheme, CASE WHEN period LIKE '%-Q%' THEN 'quarterly' ELSE 'annual' END, period, revision,
       job_execution_id, status, message, started_at, finished_at,
       files_accepted, files_rejected, rows_accepted, rows_rejected, output_dir, id
FROM incentive_run ORDER BY id;

CREATE TABLE eval_run_total (
    run_id           BIGINT NOT NULL PRIMARY KEY,
    ballots_scored   INT    NOT NULL,
    ballots_replaced INT    NOT NULL
);
INSERT INTO eval_run_total (run_id, ballots_scored, ballots_replaced)
SELECT r.id, e.ballots_scored, e.ballots_replaced FROM eval_run e JOIN run r ON r.kind = 'evaluation' AND r.legacy_id = e.id
WHERE e.status = 'COMPLETED' OR e.ballots_scored > 0;

CREATE TABLE incentive_run_total (
    run_id      BIGINT         NOT NULL PRIMARY KEY,
    award_lines INT            NOT NULL,
    award_total DECIMAL(18, 2) NOT NULL
);
INSERT INTO incentive_run_total (run_id, award_lines, award_total)
SELECT r.id, i.award_lines, i.award_total FROM incentive_run i JOIN run r ON r.kind = 'incentive' AND r.legacy_id = i.id
WHERE i.status = 'COMPLETED' OR i.award_lines > 0;

UPDATE eval_file SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'evaluation' AND r.legacy_id = eval_file.run_id);
UPDATE eval_file SET run_id = -run_id;
UPDATE eval_group_score SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'evaluation' AND r.legacy_id = eval_group_score.run_id);
UPDATE eval_group_score SET run_id = -run_id;
UPDATE eval_item_score SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'evaluation' AND r.legacy_id = eval_item_score.run_id);
UPDATE eval_item_score SET run_id = -run_id;
UPDATE eval_total SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'evaluation' AND r.legacy_id = eval_total.run_id);
UPDATE eval_total SET run_id = -run_id;

UPDATE incentive_file SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'incentive' AND r.legacy_id = incentive_file.run_id);
UPDATE incentive_file SET run_id = -run_id;
UPDATE incentive_award SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'incentive' AND r.legacy_id = incentive_award.run_id);
UPDATE incentive_award SET run_id = -run_id;
UPDATE incentive_once SET run_id = -(SELECT r.id FROM run r WHERE r.kind = 'incentive' AND r.legacy_id = incentive_once.run_id);
UPDATE incentive_once SET run_id = -run_id;

DROP TABLE eval_run;
DROP TABLE incentive_run;
ALTER TABLE run DROP COLUMN legacy_id;
CREATE INDEX ix_run_parent ON run (parent_run_id);

-- One run of a kind per scheme and period at a time (the period names its cycle).
DROP TABLE run_lock;
CREATE TABLE run_lock (
    scheme      VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    period      VARCHAR(16)  NOT NULL,
    run_id      BIGINT,
    owner       VARCHAR(200) NOT NULL,
    acquired_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (scheme, kind, period)
);
