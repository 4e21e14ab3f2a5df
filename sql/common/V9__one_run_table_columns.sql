-- One kind of run (issue 11): scoring, evaluation and incentive runs share the run table, told apart by kind. An
-- evaluation or incentive list made inside a quarterly or annual run is a nested run: parent_run_id names it.
-- legacy_id only carries the old eval_run / incentive_run ids through the data migration of V11.
ALTER TABLE run ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'score';
ALTER TABLE run ADD COLUMN parent_run_id BIGINT;
ALTER TABLE run ADD COLUMN legacy_id BIGINT;
